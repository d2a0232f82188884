# saxpy, y[i] = a*x[i] + y[i] on float32, written by hand for this course in the
# vector-length-agnostic style of the RVV 1.0 specification's appendix (its "SAXPY example").
# One strip per iteration; vsetvli says how many elements (vl) this strip handles, so the
# same code is correct for every VLEN and needs no tail loop.
#
# void saxpy(size_t n, float a, const float *x, float *y)
#   a0 = n, fa0 = a, a1 = x, a2 = y
    .text
    .balign 4
    .globl saxpy
saxpy:
    beqz    a0, done                # nothing to do for n = 0
strip:
    vsetvli t0, a0, e32, m8, ta, ma # t0 = vl = elements in this strip
    vle32.v v0, (a1)                # x[0:vl] -> v0..v7
    vle32.v v8, (a2)                # y[0:vl] -> v8..v15
    vfmacc.vf v8, fa0, v0           # v8 = a * v0 + v8
    vse32.v v8, (a2)                # v8 -> y[0:vl]
    sub     a0, a0, t0              # elements left
    slli    t1, t0, 2               # bytes in this strip
    add     a1, a1, t1              # bump x
    add     a2, a2, t1              # bump y
    bnez    a0, strip
done:
    ret
