using System;
using System.Text;
using Spectre.Console;

namespace EdgeSensor.Harness.Cli;

/// <summary>
/// Who connects: a user name from --username and its password from EDGESENSOR_PASSWORD or a prompt, never from the
/// command line (argv is visible to every user of the machine and lands in shell history).
/// </summary>
sealed class Credentials
{
    public const string PasswordVariable = "EDGESENSOR_PASSWORD";

    Credentials(string userName, string password)
    {
        UserName = userName;
        Password = password;
    }

    public static Credentials Anonymous { get; } = new(null, null);

    public string UserName { get; }

    /// <summary>A secret: never printed.</summary>
    public string Password { get; }

    public byte[] PasswordBytes => Password == null ? null : Encoding.UTF8.GetBytes(Password);

    public static Credentials For(string userName)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return Anonymous;
        }

        string password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (password != null)
        {
            return new Credentials(userName, password);
        }

        if (Console.IsInputRedirected)
        {
            throw new UserErrorException("--username " + userName + " needs a password: set " + PasswordVariable + " (no terminal to prompt on)");
        }

        password = AnsiConsole.Prompt(new TextPrompt<string>("Password for " + Markup.Escape(userName) + ":").Secret());
        return new Credentials(userName, password);
    }
}
