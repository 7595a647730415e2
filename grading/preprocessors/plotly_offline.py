"""PlotlyOffline: gives plotly figures an HTML rendering that works offline: plotly.js is written once, in
the first figure of the page, so that feedback opens anywhere, without the Internet."""

from nbgrader.preprocessors import NbGraderPreprocessor


class PlotlyOffline(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        import plotly.io as pio

        first = True
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                figure = output.get("data", {}).get("application/vnd.plotly.v1+json")
                if figure is not None:
                    output.data["text/html"] = pio.to_html(figure, include_plotlyjs=first, full_html=False)
                    first = False
        return nb, resources
