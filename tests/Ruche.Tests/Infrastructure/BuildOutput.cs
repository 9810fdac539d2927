using System.Net;
using System.Net.Sockets;

namespace Ruche.Tests.Infrastructure;

/// <summary>What tests that start real processes need to find: the repository, the app as built, free loopback ports.</summary>
public static class BuildOutput
{
    /// <summary>The configuration these tests were built with (Release in CI): the app they start is the same build.</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The folder the build writes Ruche.Web.dll to (not published: the static web assets stay in the project).</summary>
    public static string WebAppFolder =>
        Path.Combine(RepositoryRoot(), "src", "Ruche.Web", "bin", Configuration, new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name);

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ruche.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Ruche.slnx not found above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
