"""Public checks for exercise 7 (optional: vector instructions in compiler output)."""

import platform

import pytest

from icsc_riscv_vectors import listings

SNIPPET = """\
    .text
saxpy:                        # @saxpy
.LBB0_4:  vsetvli t0, a0, e32, m8, ta, ma   # strip
\tvle32.v\tv8, (a7)
\tvmulps\t32(%rdx,%r9,4), %ymm1, %ymm3
  vmovups %zmm2, (%rdx,%rcx,4) {%k1}

\tret
"""


def test_parse_instructions_on_a_mixed_snippet(exercise):
    ex = exercise("ex07_llvm_asm")
    assert ex.parse_instructions(SNIPPET) == [
        ("vsetvli", ["t0", "a0", "e32", "m8", "ta", "ma"]),
        ("vle32.v", ["v8", "(a7)"]),
        ("vmulps", ["32(%rdx,%r9,4)", "%ymm1", "%ymm3"]),
        ("vmovups", ["%zmm2", "(%rdx,%rcx,4) {%k1}"]),
        ("ret", []),
    ]


# Expected counts read off the listings by hand (grep -c of each mnemonic).
@pytest.mark.parametrize(
    ("name", "arch", "expected"),
    [
        (
            "saxpy_x86-64_avx2",
            "x86_64",
            {"vbroadcastss": 1, "vmulps": 4, "vaddps": 4, "vmovups": 4},
        ),
        (
            "saxpy_x86-64_avx512",
            "x86_64",
            {"vbroadcastss": 2, "vmulps": 5, "vaddps": 5, "vmovups": 5},
        ),
        (
            "saxpy_riscv64_vla",
            "riscv64",
            {"vsetvli": 1, "vle32.v": 2, "vfmacc.vf": 1, "vse32.v": 1},
        ),
        ("saxpy_riscv64_scalar", "riscv64", {}),
    ],
)
def test_vector_instructions_of_stored_listings(exercise, name, arch, expected):
    ex = exercise("ex07_llvm_asm")
    assert ex.vector_instructions(listings.read(name), arch) == expected


@pytest.mark.parametrize(
    ("name", "bits"),
    [("saxpy_x86-64_sse2", 128), ("saxpy_x86-64_avx2", 256), ("saxpy_x86-64_avx512", 512)],
)
def test_widest_vector_register_per_isa(exercise, name, bits):
    ex = exercise("ex07_llvm_asm")
    assert ex.widest_vector_bits(listings.read(name)) == bits


def test_scalar_sse_code_is_not_vector_code(exercise):
    ex = exercise("ex07_llvm_asm")
    scalar = (
        "\tvmulss\t%xmm1, %xmm0, %xmm0\n\tvaddsd\t(%rdi), %xmm2, %xmm2\n\tcvttss2si\t%xmm0, %eax\n"
    )
    assert ex.vector_instructions(scalar, "x86_64") == {}
    assert ex.widest_vector_bits(scalar) == 0


@pytest.mark.parametrize(
    ("name", "agnostic"),
    [("saxpy_riscv64_vla", True), ("saxpy_riscv64_v", False), ("saxpy_riscv64_scalar", False)],
)
def test_vector_length_agnostic_or_not(exercise, name, agnostic):
    ex = exercise("ex07_llvm_asm")
    assert ex.is_vector_length_agnostic(listings.read(name)) is agnostic


def test_unknown_architecture_is_rejected(exercise):
    ex = exercise("ex07_llvm_asm")
    with pytest.raises(ValueError, match="arch"):
        ex.vector_instructions("nop", "mips")


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="needs an x86-64 host")
def test_numba_vectorises_saxpy_on_this_host(exercise):
    pytest.importorskip("numba", reason='needs numba: pip install "icsc-riscv-vectors[numba]"')
    ex = exercise("ex07_llvm_asm")
    assert ex.parse_instructions("\tret\n") == [("ret", [])]  # fail fast, before compiling
    asm = listings.host_saxpy_asm("float32")
    found = ex.vector_instructions(asm, "x86_64")
    # Every x86-64 CPU has SSE2, so LLVM vectorises this loop with packed single floats.
    assert ex.widest_vector_bits(asm) >= 128
    assert any(name.endswith("mulps") or "fmadd" in name for name in found), found
