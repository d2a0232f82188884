"""Grading: run hidden tests against many submissions, isolated, with reports.

The pieces, in the order a submission meets them:

* :mod:`icsc_kit.archive` validates a zip or folder before anything is extracted;
* :mod:`~icsc_kit.grading.job` grades one submission (a self-contained job: submission and
  course in, result files out) as an ordered list of named steps;
* the trusted pytest process runs the course's own checks and hidden tests, unchanged,
  with ``--icsc-isolate``: :mod:`~icsc_kit.grading.isolate` installs a loader that makes
  ``exercise(name)`` return a :mod:`~icsc_kit.grading.proxy`, and
  :mod:`~icsc_kit.grading.session` talks to the untrusted
  :mod:`~icsc_kit.grading.worker`, the only process that runs student code, confined by
  :mod:`~icsc_kit.grading.sandbox` and started by :mod:`~icsc_kit.grading.launcher`;
* both sides talk through :mod:`~icsc_kit.grading.wire` (framing) and
  :mod:`~icsc_kit.grading.codec` (plain data, arrays and handles; never pickle);
* :mod:`~icsc_kit.grading.reports` writes grades.csv, Gradescope JSON, feedback and the
  summary; :mod:`~icsc_kit.grading.batch` runs jobs in a process pool with progress.

Writing tests that also work under grading (``icsc verify`` checks it: step
"grading path", findings V701/V702). In grading mode ``exercise(name)`` is a proxy:

* Values the exercise returns arrive as copies when they are plain data (numbers,
  strings, bytes, lists, tuples, dicts, sets, numpy arrays/scalars, tensors, paths,
  dates); anything else (instances, functions, classes, generators) arrives as a remote
  handle: attribute access, calls, indexing, ``len``, iteration, ``bool``, ``str``,
  ``float``/``int``, arithmetic, ``numpy.asarray`` and ``with`` are forwarded.
* Compare plain data, not objects: ``==`` on a handle is identity (a student's
  ``__eq__`` must not decide a test), and ``repr`` of a handle is fixed text.
  ``isinstance(x, ex.SomeClass)`` does not work on handles; check attributes instead.
* Arguments travel as copies. Changes the exercise makes in place to numpy arrays,
  tensors, lists, dicts, sets, bytearrays and random generators passed as *arguments*
  are copied back after the call; other in-place effects (attributes of objects the
  test owns, aliasing between two arguments, an array stored and changed later) are not.
* Callables may be passed: builtins, classes and module-level functions of the standard
  library, numpy, torch, numba or the course package travel by name (the worker uses its
  own copy); any other callable (a lambda, a closure, a fixture's method, a numba
  dispatcher made in the test) stays here and is called back. A callback may not be
  used for its attributes beyond ``__name__``/``__qualname__``. Other objects (an open
  file, a socket, an instance of a test's class) cannot be passed: ``TypeError``.
* Exceptions from the exercise arrive as the nearest builtin class with the same
  message, so ``pytest.raises(ValueError, match=...)`` works; a custom exception class is
  not seen as itself.
* Files: ``tmp_path`` and ``tmp_path_factory`` folders are shared with the worker (it
  may read and write there: hand the exercise paths under them, not ``tempfile``
  folders, which stay private to the trusted process). Never unpickle, import or run a
  tool with code-executing configuration (``git`` with a repository's own config or
  hooks, ``numpy.load(allow_pickle=True)``) on files the exercise could have written:
  that would run student code in the trusted process. Solutions, hidden tests and .git
  are hidden from the worker; the network is loopback only, so servers a fixture starts
  on 127.0.0.1 are reachable.
* Warnings raised in the worker are not turned into errors there; timing assertions
  should allow for a call's round trip (tens of microseconds).

This package imports nothing heavy at import time: the worker starts from it.
"""
