import os

# The tests build their own apps; don't build the module-level one (it would load from MLflow).
os.environ.setdefault("INFERENCE_API_NO_APP", "1")
