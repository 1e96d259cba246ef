package dev.flagon.bench;

/**
 * Thread CPU time per request of {@link RequestBench} (the core's part of the HTTP runs' read and write
 * routes), measured as {@link CpuPerOp} measures the codec, so that builds compare fairly on a shared
 * machine. Usage: {@code RequestCpuPerOp LABEL}; prints {@code LABEL requestRead=us requestWrite=us}.
 */
public final class RequestCpuPerOp {
  private RequestCpuPerOp() {}

  public static void main(String[] args) {
    RequestBench bench = new RequestBench();
    bench.setUp();
    System.out.printf("%s requestRead=%.3f requestWrite=%.3f%n", args.length > 0 ? args[0] : "HEAD",
        CpuPerOp.cpuMicrosPerOp(bench::requestRead), CpuPerOp.cpuMicrosPerOp(bench::requestWrite));
  }
}
