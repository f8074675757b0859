import os
from pathlib import Path

import iris_training

DAGS = os.environ["AIRFLOW__CORE__DAGS_FOLDER"]  # set by conftest.py


def dag_bag():
    """The DAG folder as Airflow 3 loads a bundle: its folder is importable (iris_training)."""
    from airflow.dag_processing.dagbag import BundleDagBag

    return BundleDagBag(dag_folder=DAGS, bundle_path=Path(DAGS))


def test_the_dag_folder_imports_without_errors():
    bag = dag_bag()
    assert bag.import_errors == {}
    assert bag.dag_ids == ["train_register"]


def test_train_then_evaluate_and_register_then_promote():
    dag = dag_bag().dags["train_register"]
    assert dag.schedule == "@daily"
    assert dag.max_active_runs == 1
    assert dag.params["shuffle_labels"] is False
    upstream = {t.task_id: sorted(t.upstream_task_ids) for t in dag.tasks}
    assert upstream == {"train": [], "evaluate": ["train"], "register": ["train"], "promote": ["evaluate", "register"]}


def test_the_gate_promotes_only_a_better_candidate():
    assert iris_training.should_promote(0.9, None), "the first model becomes champion"
    assert iris_training.should_promote(0.97, 0.9)
    assert not iris_training.should_promote(0.9, 0.9), "a tie keeps the champion"
    assert not iris_training.should_promote(0.3, 0.9)
