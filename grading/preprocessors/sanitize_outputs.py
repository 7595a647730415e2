"""SanitizeOutputs: what a student wrote or displayed becomes inert HTML before feedback is rendered.

Markdown cells are rendered to HTML here and cleaned with nh3 (a maintained HTML sanitiser: no
script, no event handler, no javascript: link, no remote image survives); `text/html` and
`text/markdown` outputs likewise, and outputs lose their metadata; outputs that would run code or
hide markup (JavaScript, SVG, LaTeX, widgets, anything unknown) are dropped, keeping their plain-text
form; images must be real base64. Plotly figures
stay as data: PlotlyOffline, after this step, renders them with the kit's own trusted code.
"""

import base64
import binascii

import nh3
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from nbgrader.preprocessors import NbGraderPreprocessor

PLOTLY = "application/vnd.plotly.v1+json"
KEPT = {"text/plain", "image/png", "image/jpeg", "image/gif", PLOTLY}
IMAGES = {"image/png", "image/jpeg", "image/gif"}
NOTEBOOK_METADATA = ("kernelspec", "language_info")


def clean_html(html: str) -> str:
    """Inert HTML, with no image from elsewhere (a remote one would tell its server who reads the page)."""
    return nh3.clean(html, attribute_filter=_no_remote_image)


def _no_remote_image(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src" and not value.startswith("data:image/"):
        return None
    return value


class SanitizeOutputs(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        nb.metadata = {key: nb.metadata[key] for key in NOTEBOOK_METADATA if key in nb.metadata}
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.cell_type, cell.source = "raw", clean_html(markdown2html_mistune(cell.source))
                cell.metadata["format"] = "text/html"  # a raw cell nbconvert writes as it is
                cell.pop("attachments", None)
            elif cell.cell_type == "raw":
                cell.source, cell.metadata["format"] = clean_html(cell.source), "text/html"
            for output in cell.get("outputs", []):
                if "data" in output:
                    output.data = _safe_data(output.data)
                    output.metadata = {}  # nbconvert writes some of it into tags (an image's width, height)
        return nb, resources


def _safe_data(data: dict) -> dict:
    safe = {mime: value for mime, value in data.items() if mime in KEPT}
    for mime in IMAGES & set(safe):
        if not _is_base64(safe[mime]):
            del safe[mime]
    rich = data.get("text/html") or (
        markdown2html_mistune(_text(data["text/markdown"])) if "text/markdown" in data else None
    )
    if rich is not None:
        safe["text/html"] = clean_html(_text(rich))
    if PLOTLY in safe and not isinstance(safe[PLOTLY], dict):
        del safe[PLOTLY]
    return safe or {"text/plain": ""}


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _is_base64(value) -> bool:
    try:
        base64.b64decode(_text(value).replace("\n", ""), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True
