"""Streamlit page: a thin shell over ui_logic (run: streamlit run streamlit_app.py)."""
import os

import httpx
import streamlit as st

from ui_logic import FEATURE_NAMES, describe, parse_features, request_prediction

API_URL = os.environ.get("INFERENCE_API_URL", "http://inference-api")

st.title("Iris classifier")
with st.form("features"):
    raw = [st.text_input(name, value=default) for name, default in zip(FEATURE_NAMES, ("5.1", "3.5", "1.4", "0.2"))]
    submitted = st.form_submit_button("Predict")

if submitted:
    try:
        with httpx.Client(base_url=API_URL) as client:
            st.success(describe(request_prediction(client, parse_features(raw))))
    except (ValueError, RuntimeError, httpx.HTTPError) as error:
        st.error(str(error))
