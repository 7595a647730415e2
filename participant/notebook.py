"""What the set-up cell of every course notebook prepares: French plots and French error messages.

    from participant.notebook import prepare
    prepare()

Plotly figures get French separators (51,5 ; 12 345), French month and day names, French default axis
titles (« Effectif » rather than "count") and a French mode bar. Errors a novice meets most are told in
one French line (participant.novice_errors). Outside IPython (grading runs tests in plain Python) only
the plot settings apply.
"""

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
SHORT_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
SHORT_DAYS = ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."]

# plotly.js's locale, given with each figure (the front end needs no locale file of its own).
PLOTLY_LOCALE = {
    "locale": "fr",
    "locales": {
        "fr": {
            "format": {
                "days": DAYS,
                "shortDays": SHORT_DAYS,
                "months": MONTHS,
                "shortMonths": SHORT_MONTHS,
                "date": "%d/%m/%Y",
                "decimal": ",",
                "thousands": " ",
                "grouping": [3],
                "currency": ["", " €"],
            },
            "dictionary": {
                "Zoom": "Zoom",
                "Pan": "Déplacer",
                "Reset axes": "Réinitialiser les axes",
                "Download plot as a png": "Télécharger en PNG",
                "Autoscale": "Échelle automatique",
                "Zoom in": "Zoom avant",
                "Zoom out": "Zoom arrière",
                "Box Select": "Sélection rectangulaire",
                "Lasso Select": "Sélection au lasso",
                "Toggle Spike Lines": "Afficher les lignes de repère",
                "Show closest data on hover": "Valeur la plus proche au survol",
                "Compare data on hover": "Comparer au survol",
            },
        }
    },
}
# Where a learner's figures are drawn: JupyterLab, classic notebooks, VS Code, iframes.
RENDERERS = ("plotly_mimetype", "jupyterlab", "vscode", "notebook", "notebook_connected", "iframe", "iframe_connected")
AXIS_TITLES = {"count": "Effectif", "value": "Valeur", "variable": "Variable", "index": "Catégorie"}
# What plotly express writes itself on a histogram's axis (it ignores `labels` there).
HISTOGRAM_WORDS = [
    ("sum of ", "somme de "),
    ("avg of ", "moyenne de "),
    ("min of ", "minimum de "),
    ("max of ", "maximum de "),
    ("fraction of ", "fraction de "),
    (" weighted by ", " pondéré par "),
    ("probability density", "densité de probabilité"),
    ("probability", "proportion"),
    ("percent", "pourcentage"),
    ("density", "densité"),
    ("count", "effectif"),
]


def french_plots() -> None:
    import plotly.express as px
    from plotly.basedatatypes import BaseFigure

    px.defaults.labels = dict(AXIS_TITLES)
    _french_histogram_titles()
    # The locale goes to the renderers when a first figure is drawn: plotly's renderers take seconds to
    # load (they import nbformat), which a set-up cell need not pay. It also gives plotly.js its separators.
    for method in ("show", "_repr_mimebundle_", "_repr_html_", "_ipython_display_"):
        original = getattr(BaseFigure, method, None)
        if original is not None and not getattr(original, "french", False):
            setattr(BaseFigure, method, _with_french_locale(original))


def _with_french_locale(method):
    def drawn_in_french(*args, **kwargs):
        _french_renderers()
        return method(*args, **kwargs)

    drawn_in_french.french = True
    return drawn_in_french


def _french_renderers() -> None:
    import plotly.io as pio

    for name in RENDERERS:  # by name: listing plotly's renderers imports them all
        renderer = pio.renderers[name]
        if (renderer.config or {}).get("locale") != "fr":
            renderer.config = {**(renderer.config or {}), **PLOTLY_LOCALE}


def _french_histogram_titles() -> None:
    """plotly express names a histogram's axis in English ("count", "sum of x"): translated where it does."""
    from plotly.express import _core

    english = getattr(_core, "get_decorated_label", None)
    if english is None or getattr(english, "french", False):
        return

    def decorated_label(args, column, role):
        label = english(args, column, role)
        if not isinstance(label, str):
            return label
        if label == "count":
            return AXIS_TITLES["count"]
        for word, french in HISTOGRAM_WORDS:
            label = label.replace(word, french)
        return label

    decorated_label.french = True
    _core.get_decorated_label = decorated_label


def prepare() -> None:
    french_plots()
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        from participant import novice_errors

        novice_errors.load_ipython_extension(shell)
