#!/usr/bin/env python3
"""Generates persistence-io's bundled catalog of notable models from Epoch AI's data.

Run from the repository root at development time (the build never runs it):

    python3 persistence-io/scripts/generate_notable_models.py

Input: reference/catalog/frontier-2020-2025.csv (Epoch AI, "Data on AI Models", CC BY 4.0; provenance and
checksums in reference/catalog/README.md). Output:
persistence-io/src/main/resources/dev/persistence/io/catalog/notable-models.json.

Every figure is copied from Epoch's columns as published; a blank stays absent. The only conversions are of
form: "$214809.91" -> 214809.91, "1024.0" accelerators -> 1024, "Likely" -> "likely". NotableModelCatalogTest
re-reads the CSV and checks every bundled entry against it, and the recorded checksum against the file.
"""
import csv
import hashlib
import json
import sys

SOURCE = "reference/catalog/frontier-2020-2025.csv"
TARGET = "persistence-io/src/main/resources/dev/persistence/io/catalog/notable-models.json"
ATTRIBUTION = (
    "Epoch AI, 'Data on AI Models'. Published online at epoch.ai. Retrieved from "
    "'https://epoch.ai/data/ai-models'. Licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/).")


def number(text):
    text = text.strip().replace("$", "").replace(",", "")
    return None if text == "" else float(text)


def main():
    raw = open(SOURCE, "rb").read()
    digest = hashlib.sha256(raw).hexdigest()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines(keepends=True)))
    models = []
    for row in rows:
        entry = {
            "name": row["model"],
            "organization": row["organization"],
            "publicationDate": row["publication_date"],
        }
        if row["domain"]:
            entry["domain"] = row["domain"]
        for field, column in (
            ("totalParameters", "parameters"),
            ("trainingTokens", "training_dataset_size_total"),
            ("trainingComputeFlop", "training_compute_flop"),
        ):
            value = number(row[column])
            if value is not None:
                entry[field] = value
        if row["compute_confidence"]:
            entry["computeConfidence"] = row["compute_confidence"].lower()
        if row["training_hardware"]:
            entry["hardware"] = row["training_hardware"]
        count = number(row["hardware_quantity"])
        if count is not None:
            assert count == int(count), row["model"]
            entry["hardwareCount"] = int(count)
        for field, column in (
            ("trainingTimeHours", "training_time_hours"),
            ("modelFlopsUtilization", "hardware_utilization_mfu"),
            ("trainingCostUsd2023", "training_compute_cost_2023_usd"),
        ):
            value = number(row[column])
            if value is not None:
                entry[field] = value
        if row["model_accessibility"]:
            entry["accessibility"] = row["model_accessibility"]
        entry["epochFrontier"] = row["frontier_model_flag"] == "checked"
        entry["source"] = "Epoch AI, Data on AI Models (" + row["epoch_dataset"] + ")"
        if row["link"]:
            entry["link"] = row["link"]
        models.append(entry)
    catalog = {
        "catalogVersion": "epoch-ai-2026-02-16",
        "description": (
            "Notable models of 2020-2025 with training compute >= 1e23 FLOP, from Epoch AI's Large-Scale and "
            "Notable AI Models datasets (snapshot of 2026-02-16)."),
        "attribution": ATTRIBUTION,
        "provenance": {
            "file": SOURCE,
            "sha256": digest,
            "rows": len(rows),
            "generator": "persistence-io/scripts/generate_notable_models.py",
            "upstream": (
                "GitHub rauletorresc/llmfit commit a652be31dd0cbe36f89572de7022e2a145fb3788, a mirror of "
                "https://epoch.ai/data/ai-models; see reference/catalog/README.md"),
        },
        "models": models,
    }
    with open(TARGET, "w", encoding="utf-8") as out:
        json.dump(catalog, out, indent=1, ensure_ascii=False)
        out.write("\n")
    print(f"{len(models)} models -> {TARGET} (sha256 of source {digest})", file=sys.stderr)


if __name__ == "__main__":
    main()
