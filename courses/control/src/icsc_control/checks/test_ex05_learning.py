"""Public checks for exercise 5 (cross-entropy method on CartPole-v1)."""

import numpy as np
import pytest

from icsc_control.checks.conftest import CountingEvaluator, cartpole_v1_return


def test_policy_action_is_the_sign_of_the_linear_score(exercise):
    ex = exercise("ex05_learning")
    obs = np.array([0.0, 0.0, 0.1, 0.0])
    assert ex.policy_action(np.array([0.0, 0.0, 1.0, 0.0, 0.0]), obs) == 1
    assert ex.policy_action(np.array([0.0, 0.0, -1.0, 0.0, 0.0]), obs) == 0
    with pytest.raises(ValueError, match=r"shape|\(5,\)"):
        ex.policy_action(np.zeros(4), obs)


@pytest.mark.points(3)
def test_cem_reaches_the_maximum_return_within_budget(exercise):
    ex = exercise("ex05_learning")
    # The episodes are played by this test (CountingEvaluator), which also counts them.
    evaluate = CountingEvaluator()
    parameters = ex.train_cem(evaluate, seed=0)
    assert 0 < evaluate.calls <= ex.EPISODE_BUDGET
    # Held-out seeds, never seen in training: the policy must generalise.
    weights = np.asarray(parameters, dtype=float)
    returns = [
        cartpole_v1_return(lambda o: int(weights[:4] @ o + weights[4] > 0), s)
        for s in range(900, 905)
    ]
    assert returns == [500.0] * 5
