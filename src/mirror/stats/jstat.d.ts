// Minimal type declaration for the part of jStat that this folder uses.
declare module 'jstat' {
  interface NormalDistribution {
    /** Quantile (inverse cumulative distribution) of the normal distribution. */
    inv(p: number, mean: number, sd: number): number;
  }
  interface JStat {
    normal: NormalDistribution;
  }
  const jStat: JStat;
  export default jStat;
}
