"""Attack: end the worker process while the module is being imported."""

import os

os._exit(0)
