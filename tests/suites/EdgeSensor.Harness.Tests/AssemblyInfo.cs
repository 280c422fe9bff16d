using Xunit;

// Each test starts brokers and several dotnet processes; on two shared cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
