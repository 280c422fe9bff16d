using System;
using System.Collections.Generic;

namespace EdgeSensor.Desktop.Broker;

/// <summary>How a <see cref="PrivateBroker"/> is configured. The defaults give an open broker without persistence.</summary>
public sealed class PrivateBrokerOptions
{
    /// <summary>Path of the mosquitto executable; null searches PATH, then /usr/sbin/mosquitto.</summary>
    public string MosquittoPath { get; set; }

    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Keeps retained messages and persistent sessions across <see cref="PrivateBroker.Restart"/>,
    /// in a persistence directory of the broker's own (written on graceful stop, not on kill).</summary>
    public bool Persistence { get; set; }

    /// <summary>User name to password; when not empty, a password file is generated with mosquitto_passwd.</summary>
    public IDictionary<string, string> Users { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Content of the ACL file (mosquitto acl_file syntax); null means no ACL.</summary>
    public string AclFileContent { get; set; }

    /// <summary>
    /// Subscription filters the broker refuses (SUBACK 0x80) when a client subscribes to exactly that text; others
    /// are granted and every publish is delivered. mosquitto 2.0's acl_file grants every subscription and only filters
    /// what it delivers, so this uses its dynamic security plugin, for anonymous clients: it cannot be combined with
    /// <see cref="Users"/>, <see cref="AclFileContent"/> or <see cref="AllowAnonymous"/> false.
    /// </summary>
    public IList<string> RefusedSubscriptions { get; } = new List<string>();

    /// <summary>Raw mosquitto.conf lines, written right after the plain listener line so that
    /// listener-specific settings apply to it; global settings may appear here too.</summary>
    public IList<string> ExtraConfigLines { get; } = new List<string>();

    /// <summary>A second, TLS, listener; null means plain TCP only.</summary>
    public BrokerTlsOptions Tls { get; set; }

    /// <summary>How long mosquitto may take to accept connections; generous because CI machines are shared.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful stop may take before the process is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
