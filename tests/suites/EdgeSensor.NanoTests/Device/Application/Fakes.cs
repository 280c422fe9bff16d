using EdgeSensor.Device.Ports;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.NanoTests.Application;

/// <summary>A DHT data line that answers what the test says; counts its reads.</summary>
public sealed class FakeDht : IDhtReader
{
    public double Temperature = 21.04;
    public double Humidity = 40.06;
    public bool Fail;
    public int Reads;

    public bool TryRead(out double temperatureC, out double humidityPercent)
    {
        Reads++;
        temperatureC = Temperature;
        humidityPercent = Humidity;
        return !Fail;
    }
}

/// <summary>A GPIO or PWM output that remembers the last level or duty written and how many writes there were.</summary>
public sealed class FakeOutput : IDigitalOutput, IPwmOutput
{
    /// <summary>False until the first Write.</summary>
    public bool Written;
    public bool Level;

    /// <summary>-1 until the first SetDutyPercent.</summary>
    public int Percent = -1;
    public int Writes;

    public void Write(bool high)
    {
        Level = high;
        Written = true;
        Writes++;
    }

    public void SetDutyPercent(int percent)
    {
        Percent = percent;
        Writes++;
    }
}

/// <summary>A sensor with the quantities and values the test gives it: Start answers <see cref="StartWait"/>, Collect <see cref="Ok"/>.</summary>
public sealed class FakeSensor : ISensor
{
    readonly string name;
    readonly SensorQuantity[] quantities;
    public readonly double[] Values;
    public bool Ok = true;
    public int StartWait;
    public int Starts;
    public int Collects;

    public FakeSensor(string name, SensorQuantity[] quantities)
    {
        this.name = name;
        this.quantities = quantities;
        Values = new double[quantities.Length];
    }

    public string Name { get { return name; } }

    public SensorQuantity[] Quantities { get { return quantities; } }

    public int Start(long nowMs)
    {
        Starts++;
        return StartWait;
    }

    public bool Collect(double[] values, int offset)
    {
        Collects++;
        if (!Ok) return false;
        for (int i = 0; i < Values.Length; i++) values[offset + i] = Values[i];
        return true;
    }
}
