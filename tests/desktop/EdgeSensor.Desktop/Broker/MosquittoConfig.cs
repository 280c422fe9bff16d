using System;
using System.Text;

namespace EdgeSensor.Desktop.Broker;

/// <summary>Renders mosquitto.conf (mosquitto 2.0 syntax) for a private broker.</summary>
static class MosquittoConfig
{
    public static string Render(PrivateBrokerOptions options, BrokerWorkDirectory files, int port, int tlsPort)
    {
        var config = new StringBuilder();

        // Run as root, mosquitto would switch to the "mosquitto" user, which cannot write to our temp directory.
        if (Environment.IsPrivilegedProcess)
        {
            config.AppendLine("user root");
        }

        config.AppendLine("log_dest file " + files.LogFile);
        config.AppendLine("log_type all");
        config.AppendLine("log_timestamp_format %Y-%m-%dT%H:%M:%S");
        config.AppendLine("allow_anonymous " + (options.AllowAnonymous ? "true" : "false"));

        if (options.Persistence)
        {
            config.AppendLine("persistence true");
            config.AppendLine("persistence_location " + files.PersistenceDirectory);
        }

        if (options.Users.Count > 0)
        {
            config.AppendLine("password_file " + files.PasswordFile);
        }

        if (options.AclFileContent != null)
        {
            config.AppendLine("acl_file " + files.AclFile);
        }

        if (options.RefusedSubscriptions.Count > 0)
        {
            config.AppendLine("plugin " + files.DynamicSecurityPlugin);
            config.AppendLine("plugin_opt_config_file " + files.DynamicSecurityFile);
        }

        config.AppendLine("listener " + port + " " + PrivateBroker.LoopbackHost);
        foreach (string line in options.ExtraConfigLines)
        {
            config.AppendLine(line);
        }

        if (options.Tls != null)
        {
            AppendTlsListener(config, options.Tls, tlsPort);
        }

        return config.ToString();
    }

    static void AppendTlsListener(StringBuilder config, BrokerTlsOptions tls, int tlsPort)
    {
        config.AppendLine("listener " + tlsPort + " " + PrivateBroker.LoopbackHost);
        if (tls.CaFile != null)
        {
            config.AppendLine("cafile " + tls.CaFile);
        }

        config.AppendLine("certfile " + tls.CertFile);
        config.AppendLine("keyfile " + tls.KeyFile);
        config.AppendLine("require_certificate " + (tls.RequireCertificate ? "true" : "false"));
        foreach (string line in tls.ExtraListenerLines)
        {
            config.AppendLine(line);
        }
    }
}
