import ThreadBenchMeasurement

/// `/proc` and `/sys` text recorded on machines, for the doctor's checks.
enum DoctorFixtures {
    /// The aggregate and first CPU lines of `/proc/stat` on this project's 2-vCPU VM.
    static let procStat = """
        cpu  448734 0 25583 37077 590 0 225 1379 0 0
        cpu0 219086 0 12725 23963 211 0 23 708 0 0
        intr 1 2 3
        """

    /// The same VM a second later: 150 busy ticks, 20 idle, 30 steal.
    static let procStatLater = """
        cpu  448874 0 25593 37097 590 0 225 1409 0 0
        cpu0 219156 0 12730 23973 211 0 23 723 0 0
        """

    /// `/proc/cpuinfo` of a KVM guest (flags shortened).
    static let cpuinfoVM = """
        processor\t: 0
        vendor_id\t: AuthenticAMD
        model name\t: AMD EPYC 7B13
        flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep hypervisor lahf_lm cmp_legacy
        """

    /// `/proc/cpuinfo` of a bare-metal Intel laptop (flags shortened).
    static let cpuinfoMetal = """
        processor\t: 0
        model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
        flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 ht tm pbe
        """

    /// A 4-thread laptop: CPUs 0 and 2, 1 and 3 share a core, powersave, turbo on.
    static let laptop: [String: String] = [
        "/proc/self/status": "Name:\tthreadbench\nCpus_allowed:\tf\nCpus_allowed_list:\t0-3\n",
        "/sys/devices/system/cpu/cpu0/topology/thread_siblings_list": "0,2\n",
        "/sys/devices/system/cpu/cpu1/topology/thread_siblings_list": "1,3\n",
        "/sys/devices/system/cpu/cpu2/topology/thread_siblings_list": "0,2\n",
        "/sys/devices/system/cpu/cpu3/topology/thread_siblings_list": "1,3\n",
        "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor": "powersave\n",
        "/sys/devices/system/cpu/cpu1/cpufreq/scaling_governor": "powersave\n",
        "/sys/devices/system/cpu/cpu2/cpufreq/scaling_governor": "performance\n",
        "/sys/devices/system/cpu/cpu3/cpufreq/scaling_governor": "performance\n",
        "/sys/devices/system/cpu/intel_pstate/no_turbo": "0\n",
        "/proc/sys/kernel/randomize_va_space": "2\n",
        "/sys/devices/system/cpu/isolated": "\n",
        "/proc/cmdline": "BOOT_IMAGE=/vmlinuz root=/dev/sda1 quiet\n",
        "/proc/loadavg": "0.08 0.12 0.10 1/512 4242\n",
        "/proc/cpuinfo": cpuinfoMetal,
        "/sys/class/dmi/id/sys_vendor": "LENOVO\n",
        "/sys/class/dmi/id/product_name": "20L8S2N800\n",
    ]

    /// This project's VM as recorded: 2 vCPUs on separate cores, no cpufreq, no DMI.
    static let vm: [String: String] = [
        "/proc/self/status": "Name:\tcat\nCpus_allowed_list:\t0-1\n",
        "/sys/devices/system/cpu/cpu0/topology/thread_siblings_list": "0\n",
        "/sys/devices/system/cpu/cpu1/topology/thread_siblings_list": "1\n",
        "/proc/sys/kernel/randomize_va_space": "2\n",
        "/sys/devices/system/cpu/isolated": "\n",
        "/proc/cmdline": "mitigations=auto console=ttyS0 quiet reboot=k panic=1\n",
        "/proc/loadavg": "4.25 4.67 4.62 14/217 2777\n",
        "/proc/cpuinfo": cpuinfoVM,
        "/proc/stat": procStat,
    ]

    /// A tuned server: performance governor, boost off, ASLR off, CPUs 2-3 isolated with nohz_full.
    static let tuned: [String: String] = [
        "/proc/self/status": "Cpus_allowed_list:\t2-3\n",
        "/sys/devices/system/cpu/cpu2/topology/thread_siblings_list": "2\n",
        "/sys/devices/system/cpu/cpu3/topology/thread_siblings_list": "3\n",
        "/sys/devices/system/cpu/cpu2/cpufreq/scaling_governor": "performance\n",
        "/sys/devices/system/cpu/cpu3/cpufreq/scaling_governor": "performance\n",
        "/sys/devices/system/cpu/cpufreq/boost": "0\n",
        "/proc/sys/kernel/randomize_va_space": "0\n",
        "/sys/devices/system/cpu/isolated": "2-3\n",
        "/proc/cmdline": "root=/dev/nvme0n1p2 isolcpus=2-3 nohz_full=2-3 rcu_nocbs=2-3\n",
        "/proc/loadavg": "0.00 0.01 0.05 1/300 999\n",
        "/proc/cpuinfo": cpuinfoMetal,
    ]

    /// Files by name, as a `MachineFiles`.
    static func files(_ recorded: [String: String]) -> MachineFiles { .recorded(recorded) }
}
