"""Write the WebP copies the built pages offer in srcset, beside their originals.

Which copies a page offers is decided while its HTML is made (warta/content/rewrite.py: the Markdown
extension for texts, the image_attributes filter for covers); only the files are written here,
once every page and static file is in the output folder.
"""

from warta.content import images


def process_site(output, settings):
    images.write_variants(output)
