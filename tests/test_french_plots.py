"""prepare() (the set-up cell of every course notebook): plotly speaks French, in JupyterLab's renderer as
in the offline HTML of feedback: axis titles, decimal comma and thin-space thousands, month names."""

import pandas as pd
import plotly.express as px
import plotly.io as pio

from participant.notebook import prepare


def test_figures_speak_french():
    prepare()
    frame = pd.DataFrame({"date": pd.date_range("2024-12-01", periods=3, freq="MS"), "sejours": [1200.5, 1300, 900]})
    figure = px.histogram(frame, x="sejours")
    assert figure.layout.yaxis.title.text == "Effectif"  # not "count"
    line = px.line(frame, x="date", y="sejours")
    line._repr_mimebundle_()  # drawn once, as a notebook does: the renderers get the locale
    bundle = pio.renderers["plotly_mimetype"].to_mimebundle(line.to_dict())
    config = bundle["application/vnd.plotly.v1+json"]["config"]
    assert config["locale"] == "fr"
    assert config["locales"]["fr"]["format"]["months"][11] == "décembre"
    assert config["locales"]["fr"]["format"]["decimal"] == ","  # plotly.js's separators follow the locale
