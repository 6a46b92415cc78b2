/// Names that two outputs give the same figure: a column of the run's CSVs and a key of
/// `threadbench doctor`'s JSON values (`MachineCheck.values`), declared once so both say the same.
public enum SharedFigureNames {
    /// The machine's logical CPUs.
    public static let logicalCPUs = "logical_cpus"
    /// The CPUs the run could keep busy at once (`UsableCPUs`).
    public static let usableCPUs = "usable_cpus"
    /// CPU time the rest of the machine used, in seconds (during a batch, or the doctor's sample).
    public static let otherCPUSeconds = "other_cpu_s"
}
