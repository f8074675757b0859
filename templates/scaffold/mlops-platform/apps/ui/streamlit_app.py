"""Streamlit page: a thin shell over ui_logic (run: streamlit run streamlit_app.py).

INFERENCE_API_URL is where the inference API answers; LOG_LEVEL sets the level of this page's
JSON logs (Streamlit's own logger follows --logger.level).
"""
import logging
import os

import httpx
import streamlit as st

from logs import configure_logging, fields
from ui_logic import FEATURE_NAMES, describe, parse_features, request_prediction

configure_logging(os.environ)
log = logging.getLogger("ui")
API_URL = os.environ.get("INFERENCE_API_URL", "http://localhost:8000")

st.title("Iris classifier")
with st.form("features"):
    raw = [st.text_input(name, value=default) for name, default in zip(FEATURE_NAMES, ("5.1", "3.5", "1.4", "0.2"))]
    submitted = st.form_submit_button("Predict")

if submitted:
    try:
        with httpx.Client(base_url=API_URL, timeout=10.0) as client:
            result = request_prediction(client, parse_features(raw))
        log.info("prediction shown", extra=fields(version=result.get("version")))
        st.success(describe(result))
    except ValueError as error:  # the form: the user fixes it
        st.error(str(error))
    except (RuntimeError, httpx.HTTPError) as error:  # the API: worth a log line
        log.warning("prediction failed", extra=fields(api=API_URL, error=str(error)))
        st.error(str(error))
