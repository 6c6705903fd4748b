"""The PPID section (UU 14/2008): its schema, the checks of a document, the Daftar Informasi
Publik, its open-data exports and the e-PPID's statistics."""
