using System;
using System.Threading;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.SimulatedBoard;

/// <summary>A DHT11/DHT22 on its data line: settable values, injectable failed reads (checksum, timeout), counted reads.</summary>
public sealed class SimulatedDht : IDhtReader
{
    readonly Lock gate = new();
    double temperatureC = 21.5;
    double humidityPercent = 45.0;
    int failuresLeft;
    bool failingAlways;
    int readCount;
    int failedReadCount;

    public double TemperatureC
    {
        get { lock (gate) return temperatureC; }
        set { lock (gate) temperatureC = value; }
    }

    public double HumidityPercent
    {
        get { lock (gate) return humidityPercent; }
        set { lock (gate) humidityPercent = value; }
    }

    /// <summary>Reads attempted, failed ones included.</summary>
    public int ReadCount
    {
        get { lock (gate) return readCount; }
    }

    public int FailedReadCount
    {
        get { lock (gate) return failedReadCount; }
    }

    /// <summary>The next <paramref name="reads"/> reads fail, then reads succeed again.</summary>
    public void FailNext(int reads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reads);
        lock (gate)
        {
            failuresLeft = reads;
        }
    }

    /// <summary>Every read fails until <see cref="Recover"/>: a sensor unplugged or dead.</summary>
    public void FailAlways()
    {
        lock (gate)
        {
            failingAlways = true;
        }
    }

    public void Recover()
    {
        lock (gate)
        {
            failingAlways = false;
            failuresLeft = 0;
        }
    }

    public void SetValues(double celsius, double percent)
    {
        lock (gate)
        {
            temperatureC = celsius;
            humidityPercent = percent;
        }
    }

    public bool TryRead(out double temperatureC, out double humidityPercent)
    {
        lock (gate)
        {
            readCount++;
            if (failingAlways || failuresLeft > 0)
            {
                if (failuresLeft > 0) failuresLeft--;
                failedReadCount++;
                temperatureC = 0;
                humidityPercent = 0;
                return false;
            }

            temperatureC = this.temperatureC;
            humidityPercent = this.humidityPercent;
            return true;
        }
    }
}
