"""The written-out optimisers and schedules agree with torch.optim (the independent reference)."""

import math

import pytest
import torch
from torch import nn

from icsc_hpo_pathologies import optim


def _twin_models(seed: int = 0) -> tuple[nn.Module, nn.Module]:
    torch.manual_seed(seed)
    first = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1))
    second = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1))
    second.load_state_dict(first.state_dict())
    return first, second


def _steps(model: nn.Module, optimizer, n: int = 6) -> None:
    generator = torch.Generator().manual_seed(1)
    for _ in range(n):
        x = torch.randn(8, 3, generator=generator)
        y = torch.randn(8, 1, generator=generator)
        optimizer.zero_grad()
        ((model(x) - y) ** 2).mean().backward()
        optimizer.step()


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (lambda p: optim.SGD(p, lr=0.1), lambda p: torch.optim.SGD(p, lr=0.1)),
        (
            lambda p: optim.SGD(p, lr=0.05, momentum=0.9, weight_decay=0.01),
            lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, weight_decay=0.01),
        ),
        (
            lambda p: optim.Adam(p, lr=0.01, weight_decay=0.1),
            lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1),
        ),
        (
            lambda p: optim.Adam(p, lr=0.01, weight_decay=0.1, decoupled=True),
            lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
        ),
    ],
    ids=["sgd", "sgd-momentum-l2", "adam-l2", "adamw"],
)
def test_updates_match_torch_optim(ours, theirs):
    mine, reference = _twin_models()
    _steps(mine, ours(mine.parameters()))
    _steps(reference, theirs(reference.parameters()))
    for a, b in zip(mine.parameters(), reference.parameters(), strict=True):
        # Same formulas, operations in a slightly different order: float32 rounding only.
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("schedule", ["cosine", "step"])
def test_schedules_match_torch_schedulers(schedule):
    model = nn.Linear(2, 1)
    reference = torch.optim.SGD(model.parameters(), lr=0.3)
    scheduler = (
        torch.optim.lr_scheduler.CosineAnnealingLR(reference, T_max=10)
        if schedule == "cosine"
        else torch.optim.lr_scheduler.StepLR(reference, step_size=3, gamma=0.1)
    )
    for epoch in range(10):
        expected = reference.param_groups[0]["lr"]
        assert optim.scheduled_lr(0.3, schedule, epoch, 10) == pytest.approx(expected, rel=1e-9)
        reference.step()
        scheduler.step()


def test_bad_optimiser_arguments_are_refused():
    with pytest.raises(ValueError, match="no trainable parameters"):
        optim.SGD([], lr=0.1)
    with pytest.raises(ValueError, match="positive"):
        optim.Adam(nn.Linear(2, 1).parameters(), lr=0.0)
    with pytest.raises(ValueError, match="unknown schedule"):
        optim.scheduled_lr(0.1, "exponential", 0, 10)
    assert optim.scheduled_lr(0.1, None, 5, 10) == 0.1
    assert optim.scheduled_lr(1.0, "cosine", 5, 10) == pytest.approx(
        0.5 * (1 + math.cos(math.pi / 2))
    )
