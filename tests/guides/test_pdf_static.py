"""The PDF under the production static files storage (hashed names) still gets its files."""

import re

from guides import pdf


def test_the_pdf_reads_its_logo_and_stylesheet_under_the_manifest_storage(
    published, collected_static, settings
):
    html = pdf.html_for(published.current_version)
    prefix = re.escape(settings.SITE_URL + settings.STATIC_URL)
    urls = re.findall(rf'(?:src|href)="({prefix}[^"]+)"', html)
    assert any("logo" in url for url in urls) and any("guide-print" in url for url in urls)
    fetcher = pdf.OwnFilesFetcher()
    for url in urls:
        fetcher.fetch(url)  # raises RefusedURL for a file it cannot find
    assert fetcher.refused == []
