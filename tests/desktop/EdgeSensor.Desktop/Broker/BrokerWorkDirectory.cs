using System.IO;

namespace EdgeSensor.Desktop.Broker;

/// <summary>The temporary directory that holds everything one broker writes: config, log, password/ACL files, persistence.
/// It outlives restarts so that the log keeps the whole history and persistence survives.</summary>
sealed class BrokerWorkDirectory
{
    BrokerWorkDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string ConfigFile => System.IO.Path.Combine(Path, "mosquitto.conf");

    public string LogFile => System.IO.Path.Combine(Path, "mosquitto.log");

    public string PasswordFile => System.IO.Path.Combine(Path, "passwords");

    public string AclFile => System.IO.Path.Combine(Path, "acl");

    public string DynamicSecurityFile => System.IO.Path.Combine(Path, "dynamic-security.json");

    /// <summary>The dynamic security plugin the config loads, found when its file is written; null without one.</summary>
    public string DynamicSecurityPlugin { get; set; }

    /// <summary>With a trailing separator: mosquitto appends the database file name to it verbatim.</summary>
    public string PersistenceDirectory => System.IO.Path.Combine(Path, "persistence") + System.IO.Path.DirectorySeparatorChar;

    public static BrokerWorkDirectory Create()
    {
        var directory = new BrokerWorkDirectory(Directory.CreateTempSubdirectory("edgesensor-broker-").FullName);
        Directory.CreateDirectory(directory.PersistenceDirectory);
        return directory;
    }

    public void Delete()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
