"""Hidden tests for exercise 7: more listings and parsing corner cases."""

import pytest

from icsc_riscv_vectors import listings


def test_parse_skips_comments_directives_and_handles_several_labels(exercise):
    ex = exercise("ex07_llvm_asm")
    asm = "a: b:  VADDPS %ymm0, %ymm1, %ymm2 # sum\n\t.p2align 4, 0x90\n# only a comment\nfoo:\n"
    assert ex.parse_instructions(asm) == [("vaddps", ["%ymm0", "%ymm1", "%ymm2"])]


def test_parse_keeps_commas_inside_parentheses_and_braces(exercise):
    ex = exercise("ex07_llvm_asm")
    asm = "vgatherdps (%rdi,%zmm1,4), %zmm0 {%k1,%k2}\n"
    assert ex.parse_instructions(asm) == [("vgatherdps", ["(%rdi,%zmm1,4)", "%zmm0 {%k1,%k2}"])]


@pytest.mark.parametrize(
    ("name", "arch", "expected"),
    [
        ("saxpy_x86-64_sse2", "x86_64", {"movaps": 1, "shufps": 1, "movups": 18, "mulps": 6, "addps": 6}),
        ("saxpy_riscv64_v", "riscv64",
         {"vsetivli": 1, "vle32.v": 4, "vfmul.vf": 2, "vfadd.vv": 2, "vse32.v": 2}),
    ],
)  # fmt: skip
def test_vector_instructions_of_more_listings(exercise, name, arch, expected):
    ex = exercise("ex07_llvm_asm")
    assert ex.vector_instructions(listings.read(name), arch) == expected


def test_x86_scalar_moves_and_broadcasts(exercise):
    ex = exercise("ex07_llvm_asm")
    asm = (
        "movq %xmm0, %rax\nvmovd %eax, %xmm1\nvbroadcastss %xmm0, %xmm1\n"
        "vxorps %xmm0, %xmm0, %xmm0\nvfmadd231ss %xmm2, %xmm1, %xmm0\nvzeroupper\n"
    )
    assert ex.vector_instructions(asm, "x86_64") == {"vbroadcastss": 1, "vxorps": 1}
    assert ex.widest_vector_bits(asm) == 128


def test_riscv_vsetvl_register_form_is_vector_length_agnostic(exercise):
    ex = exercise("ex07_llvm_asm")
    assert ex.is_vector_length_agnostic("vsetvl t0, a0, t1\nvle64.v v8, (a1)\n") is True
    assert ex.is_vector_length_agnostic("vsetivli zero, 8, e64, m4, ta, ma\n") is False
