"""What the Streamlit page does, without Streamlit: parse the form, call the API, word the answer.

Kept apart from streamlit_app.py so that it is tested with pytest wherever Streamlit is absent.
"""
from __future__ import annotations

from typing import List, Sequence

import httpx

FEATURE_NAMES = ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")
CLASS_NAMES = ("setosa", "versicolor", "virginica")


def parse_features(values: Sequence[str]) -> List[float]:
    """Form fields to numbers; a clear message for the user when one is not a number."""
    if len(values) != len(FEATURE_NAMES):
        raise ValueError(f"expected {len(FEATURE_NAMES)} values, got {len(values)}")
    out = []
    for name, raw in zip(FEATURE_NAMES, values):
        try:
            number = float(str(raw).strip())
        except ValueError:
            raise ValueError(f"{name}: {raw!r} is not a number") from None
        if number < 0:
            raise ValueError(f"{name}: must not be negative")
        out.append(number)
    return out


def request_prediction(client: httpx.Client, features: List[float]) -> dict:
    response = client.post("/predict", json={"instances": [features]})
    if response.status_code != 200:
        detail = response.json().get("detail", response.text) if response.headers.get("content-type", "").startswith("application/json") else response.text
        raise RuntimeError(f"the inference API answered {response.status_code}: {detail}")
    return response.json()


def describe(result: dict) -> str:
    prediction = result["predictions"][0]
    label = CLASS_NAMES[prediction] if isinstance(prediction, int) and 0 <= prediction < len(CLASS_NAMES) else str(prediction)
    version = f", version {result['version']}" if result.get("version") else ""
    return f"Predicted class: {label} (model {result['model']}{version})"
