using System;

namespace EdgeSensor.Desktop.Broker;

/// <summary>Thrown instead of skipping: a test that needs a broker must fail loudly when there is none.</summary>
public sealed class MosquittoNotInstalledException : Exception
{
    public const string InstallHint = "mosquitto is not installed: run `apt-get install -y mosquitto mosquitto-clients`";

    public MosquittoNotInstalledException()
        : base(InstallHint)
    {
    }

    public MosquittoNotInstalledException(string what)
        : base(what + ". " + InstallHint)
    {
    }
}
