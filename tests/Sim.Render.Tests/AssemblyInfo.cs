// One window (one SDL video subsystem, one GL context) per process: window tests must not overlap.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
