using System;

namespace EdgeSensor.Harness.Cli;

/// <summary>A broker given as <c>mqtt://host:port</c> (plain TCP) or <c>mqtts://host:port</c> (TLS).</summary>
sealed record BrokerAddress(string Host, int Port, bool Tls)
{
    public const string Default = "mqtt://127.0.0.1:1883";

    public static BrokerAddress Parse(string text)
    {
        string usage = "expected mqtt://host:port or mqtts://host:port, e.g. --broker " + Default;
        if (text.Length == 0 || !Uri.TryCreate(text, UriKind.Absolute, out Uri uri))
        {
            throw new UserErrorException("bad --broker '" + text + "': " + usage);
        }

        bool tls = uri.Scheme switch
        {
            "mqtt" => false,
            "mqtts" => true,
            _ => throw new UserErrorException("bad --broker '" + text + "': unknown scheme '" + uri.Scheme + "', " + usage),
        };
        if (uri.UserInfo.Length > 0)
        {
            // Never echo the text back: it may hold a password.
            throw new UserErrorException("bad --broker: credentials do not belong in the URL; use --username and the EDGESENSOR_PASSWORD environment variable");
        }

        if (uri.AbsolutePath.Length > 1 || uri.Query.Length > 0)
        {
            throw new UserErrorException("bad --broker '" + text + "': " + usage);
        }

        if (uri.Host.Length == 0)
        {
            // Uri would leave it empty, and an empty host would quietly mean this machine.
            throw new UserErrorException("bad --broker '" + text + "': no host; " + usage);
        }

        // Uri reports -1 when no port is written; 0 is written, and no broker listens on it.
        if (uri.Port == 0)
        {
            throw new UserErrorException("bad --broker '" + text + "': port 0 is not a port a broker can listen on; give 1 to 65535, or leave the port out for " + (tls ? "8883" : "1883"));
        }

        int port = uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port;
        return new BrokerAddress(uri.Host, port, tls);
    }

    public override string ToString() => (Tls ? "mqtts://" : "mqtt://") + Host + ":" + Port;
}
