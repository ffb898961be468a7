// zcomp_fpga_pkg: what the FPGA self-test modules (rtl/fpga/) share.
//
// xorshift32: Marsaglia's 32-bit xorshift step (x ^= x << 13; x ^= x >> 17;
// x ^= x << 5). It maps a nonzero state to a nonzero state. The feature-map
// generator (zcomp_fmap_gen) steps its lanes with it and the self-tests move
// their block seed on with it; docs/fpga.md gives the same definition and
// verif/tests/selftest_test.cpp follows it.
package zcomp_fpga_pkg;
  function automatic logic [31:0] xorshift32(logic [31:0] x);
    logic [31:0] y;
    y = x ^ (x << 13);
    y = y ^ (y >> 17);
    return y ^ (y << 5);
  endfunction
endpackage
