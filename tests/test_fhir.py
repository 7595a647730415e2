"""The FHIR export: every resource validates against the FHIR models (fhir.resources, R4B, the
technical correction of R4), and every reference points to a resource of the export."""

import json

import pandas as pd
from fhir.resources.R4B import get_fhir_model_class


def test_fhir_export_validates_and_holds_together(tmp_path, cli):
    out = tmp_path / "ds"
    result = cli("generators", "--patients", "3000", "--seed", "9", "--out", str(out), "--fhir", "--quiet")
    assert result.returncode == 0, result.stderr
    resources = {
        path.stem: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for path in sorted((out / "fhir").glob("*.ndjson"))
    }
    assert sorted(resources) == ["Condition", "Encounter", "Organization", "Patient", "Procedure"]
    for kind, items in resources.items():
        model = get_fhir_model_class(kind)
        for item in items:
            model.model_validate(item)  # raises on any structural mistake

    tables = {
        name: pd.read_parquet(out / f"{name}.parquet") for name in ("patients", "sejours", "diagnostics", "actes")
    }
    assert len(resources["Patient"]) == len(tables["patients"])
    assert len(resources["Encounter"]) == len(tables["sejours"])
    assert len(resources["Condition"]) == len(tables["sejours"]) + len(tables["diagnostics"])
    assert len(resources["Procedure"]) == len(tables["actes"])
    known = {f"{kind}/{item['id']}" for kind, items in resources.items() for item in items}
    references = [
        item[key]["reference"]
        for items in resources.values()
        for item in items
        for key in ("subject", "encounter", "serviceProvider")
        if key in item
    ]
    assert references and set(references) <= known
    assert all(len({item["id"] for item in items}) == len(items) for items in resources.values())


def test_fhir_needs_parquet(tmp_path, cli):
    result = cli("generators", "--patients", "100", "--out", str(tmp_path / "ds"), "--fhir", "--format", "csv")
    assert result.returncode == 2 and "--fhir is written from the Parquet tables" in result.stderr
