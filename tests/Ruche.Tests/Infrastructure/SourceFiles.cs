namespace Ruche.Tests.Infrastructure;

/// <summary>The product's own source files (<c>.cs</c> and <c>.razor</c> under <c>src</c>, migrations excluded), for tests that read the code.</summary>
public static class SourceFiles
{
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Ruche.slnx")))
            {
                root = root.Parent;
            }

            Assert.NotNull(root);
            return root.FullName;
        }
    }

    /// <summary>Each file as its path from the repository's root (with '/') and its text.</summary>
    public static IEnumerable<(string Path, string Text)> All()
    {
        var root = RepositoryRoot;
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Select(path => (Path: Path.GetRelativePath(root, path).Replace('\\', '/'), Full: path))
            .Where(file => !file.Path.Contains("/Migrations/", StringComparison.Ordinal) && !file.Path.Contains("/obj/", StringComparison.Ordinal) && !file.Path.Contains("/bin/", StringComparison.Ordinal))
            .Select(file => (file.Path, File.ReadAllText(file.Full)));
    }
}
