"""The Streamlit page itself, run headless by Streamlit's own test harness (no browser)."""
import os

from streamlit.testing.v1 import AppTest

PAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "streamlit_app.py")
NOWHERE = "http://127.0.0.1:9"  # nothing listens there: connection refused at once


def page(monkeypatch, api_url):
    monkeypatch.setenv("INFERENCE_API_URL", api_url)
    return AppTest.from_file(PAGE, default_timeout=30).run()


def test_the_form_starts_with_a_valid_flower(monkeypatch):
    at = page(monkeypatch, NOWHERE)
    assert [t.value for t in at.text_input] == ["5.1", "3.5", "1.4", "0.2"]
    assert not at.exception


def test_a_bad_field_is_named_on_the_page(monkeypatch):
    at = page(monkeypatch, NOWHERE)
    at.text_input[2].set_value("long")
    at.button[0].click().run()
    assert "petal length" in at.error[0].value
    assert not at.success


def test_an_unreachable_api_is_an_error_message_not_a_crash(monkeypatch):
    at = page(monkeypatch, NOWHERE)
    at.button[0].click().run()
    assert len(at.error) == 1
    assert not at.exception
