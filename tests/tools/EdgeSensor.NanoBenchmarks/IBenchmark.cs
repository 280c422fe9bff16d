namespace EdgeSensor.NanoBenchmarks;

/// <summary>One operation to time: it must leave its state ready for the next call.</summary>
public interface IBenchmark
{
    void Run();
}
