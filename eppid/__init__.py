"""e-PPID: the service where citizens file information requests and objections (UU 14/2008,
Perki 1/2021) and the PPID keeps its register. It sits beside the portal and shares only the
theme's CSS and the library (warta.content.dates, warta.content.sections.ppid.open_data's formula-safe cells); it never
imports the Pelican plugins."""
