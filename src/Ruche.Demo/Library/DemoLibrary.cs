using System.Text;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Library;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Demo.Library;

/// <summary>
/// The demo's files: every team and project space has a library with folders and documents in several versions by
/// several members (some downloaded, so their uploaders see a count), and the Café has a gallery of photos posted over
/// the last weeks. Bytes go to the app's file store, so this runs once the company is seeded, with the store.
/// </summary>
public static class DemoLibrary
{
    private static readonly MarkdownContent Markdown = new();

    private sealed record Document(string Folder, string Name, string ContentType, string[] Versions);

    private static readonly Document[] Documents =
    [
        new("", "Charte d'équipe.txt", "text/plain", ["Nos règles : réunions de 30 minutes, comptes rendus partagés le jour même.", "Nos règles : réunions de 30 minutes, comptes rendus le jour même, mercredi sans réunion.", "Nos règles (version validée) : réunions courtes, comptes rendus le jour même, mercredi sans réunion, entraide avant tout."]),
        new("Comptes rendus", "Réunion mensuelle des objectifs.txt", "text/plain", ["Ordre du jour : bilan du mois, objectifs du mois prochain, points bloquants.", "Ordre du jour : bilan du mois, objectifs du mois prochain, points bloquants, questions diverses.\nDécisions : revue trimestrielle avancée au 15."]),
        new("Comptes rendus", "Rétrospective de novembre.txt", "text/plain", ["Ce qui a marché : les démos du vendredi. À améliorer : la documentation."]),
        new("Planning", "Planning du trimestre.csv", "text/csv", ["semaine;sujet;responsable\n1;lancement;équipe\n2;ateliers;équipe\n", "semaine;sujet;responsable\n1;lancement;équipe\n2;ateliers;équipe\n3;démo client;équipe\n4;bilan;équipe\n"]),
        new("Procédures", "Accueil d'un nouvel arrivant.pdf", "application/pdf", ["Accueil : poste prêt, parrain désigné, premier déjeuner d'équipe.", "Accueil : poste prêt, parrain désigné, premier déjeuner d'équipe, point à un mois."]),
        new("Procédures/Archives", "Ancienne procédure d'astreinte.pdf", "application/pdf", ["Astreinte : une semaine sur quatre, relais le lundi à 9 h."]),
    ];

    private static readonly DemoImages.Scene[] Scenes =
    [
        new("Coucher de soleil orange sur la mer depuis la plage", (250, 170, 110), (40, 90, 150), (255, 230, 140), 0.62),
        new("Champ de lavande sous un ciel d'été", (130, 190, 245), (150, 110, 200), (255, 245, 190), 0.55),
        new("Montagnes enneigées au petit matin", (190, 215, 240), (235, 240, 250), (255, 250, 220), 0.5),
        new("Forêt d'automne aux feuilles rousses", (170, 200, 230), (190, 100, 40), (255, 235, 170), 0.58),
        new("Lac calme au crépuscule", (120, 90, 160), (30, 50, 100), (255, 200, 120), 0.6),
        new("Prairie verte après la pluie", (160, 200, 235), (80, 160, 70), (255, 250, 200), 0.52),
        new("Dunes de sable au soleil de midi", (110, 170, 235), (225, 190, 120), (255, 255, 220), 0.57),
        new("Port de pêche à l'aube", (240, 200, 170), (50, 80, 110), (255, 220, 160), 0.63),
        new("Vignes en terrasses en septembre", (150, 195, 240), (110, 140, 50), (255, 240, 180), 0.5),
        new("Rizières de Singapour Botanic Gardens", (140, 200, 230), (60, 150, 90), (255, 245, 200), 0.55),
        new("Érables rouges du mont Royal à Montréal", (175, 205, 235), (200, 50, 40), (255, 235, 180), 0.56),
        new("Neige sur les toits de Paris", (200, 205, 215), (230, 230, 235), (250, 245, 230), 0.6),
    ];

    private static readonly (string Text, int Photos)[] CafePosts =
    [
        ("Bon week-end à toutes et à tous ! Quelques photos de mes vacances 🌅", 3),
        ("Balade du dimanche, la lumière était parfaite.", 1),
        ("Retour de randonnée : le sommet valait la montée !", 2),
        ("L'automne est arrivé au parc à côté du bureau 🍂", 1),
        ("Pause café avec vue, bonne semaine !", 2),
        ("Premier week-end de neige, qui d'autre a sorti les luges ?", 1),
        ("Souvenir de la sortie d'équipe de septembre.", 2),
    ];

    /// <summary>Writes the libraries and the Café's photos of the seeded demo company, bytes into <paramref name="store"/>.</summary>
    public static async Task WriteAsync(RucheDbContext db, IFileStore store, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var spaces = await db.Spaces.AsNoTracking()
            .Where(s => s.Kind == SpaceKind.Team || s.Kind == SpaceKind.Project || s.IsDefault)
            .Select(s => new { s.Id, s.IsDefault, Members = s.Members.Where(m => m.IsActive()).OrderBy(m => m.PersonId).Select(m => m.PersonId).ToList() })
            .ToListAsync(cancellationToken);
        var random = new Random(2026 + 16);
        foreach (var space in spaces.Where(s => !s.IsDefault && s.Members.Count > 0))
        {
            await LibraryOfAsync(db, store, space.Id, space.Members, random, now, cancellationToken);
        }

        if (spaces.SingleOrDefault(s => s.IsDefault) is { Members.Count: > 0 } cafe)
        {
            await GalleryAsync(db, store, cafe.Id, cafe.Members, random, now, cancellationToken);
        }
    }

    private static async Task LibraryOfAsync(RucheDbContext db, IFileStore store, long spaceId, List<long> members, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var folders = new Dictionary<string, LibraryFolder>(StringComparer.Ordinal);
        var parents = new Dictionary<LibraryFolder, LibraryFolder?>();
        LibraryFolder? FolderOf(string path)
        {
            if (path.Length == 0)
            {
                return null;
            }

            if (!folders.TryGetValue(path, out var folder))
            {
                var slash = path.LastIndexOf('/');
                var parent = slash < 0 ? null : FolderOf(path[..slash]);
                folder = new LibraryFolder
                {
                    SpaceId = spaceId,
                    Name = slash < 0 ? path : path[(slash + 1)..],
                    CreatedById = members[random.Next(members.Count)],
                    CreatedAt = now.AddDays(-30).AddHours(random.Next(48)),
                };
                db.Add(folder);
                folders[path] = folder;
                parents[folder] = parent;
            }

            return folder;
        }

        var written = new List<(Guid Id, byte[] Bytes)>();
        foreach (var document in Documents)
        {
            FolderOf(document.Folder);
        }

        await SaveFoldersAsync(db, parents, cancellationToken);
        foreach (var document in Documents)
        {
            var first = now.AddDays(-28 + random.Next(10)).AddHours(random.Next(9, 18));
            var file = new LibraryFile
            {
                SpaceId = spaceId,
                FolderId = document.Folder.Length == 0 ? null : folders[document.Folder].Id,
                Name = document.Name,
                CreatedById = members[random.Next(members.Count)],
                CreatedAt = first,
                UpdatedAt = first,
            };
            for (var n = 0; n < document.Versions.Length; n++)
            {
                var at = first.AddDays(n * (2 + random.Next(4))).AddMinutes(random.Next(300));
                var uploader = n == 0 ? file.CreatedById : members[random.Next(members.Count)];
                var bytes = document.ContentType == "application/pdf" ? Pdf(document.Versions[n]) : Encoding.UTF8.GetBytes(document.Versions[n]);
                var stored = Stored(uploader, bytes, document.Name, document.ContentType, FilePurpose.LibraryFile, at, null);
                written.Add((stored.Id, bytes));
                db.Files.Add(stored);
                file.Versions.Add(new LibraryFileVersion
                {
                    Number = n + 1,
                    StoredFileId = stored.Id,
                    UploadedById = uploader,
                    UploadedAt = at,
                    DownloadCount = random.Next(0, Math.Min(members.Count, 14)),
                });
                file.UpdatedAt = at;
            }

            db.Add(file);
        }

        await WriteBytesAsync(store, written, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SaveFoldersAsync(RucheDbContext db, Dictionary<LibraryFolder, LibraryFolder?> parents, CancellationToken cancellationToken)
    {
        // Parents first: a folder's parent id is known once its parent is saved.
        foreach (var level in parents.Keys.GroupBy(f => Depth(f, parents)).OrderBy(g => g.Key))
        {
            foreach (var folder in level)
            {
                folder.ParentId = parents[folder]?.Id;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static int Depth(LibraryFolder folder, Dictionary<LibraryFolder, LibraryFolder?> parents) =>
        parents[folder] is { } parent ? 1 + Depth(parent, parents) : 0;

    private static async Task GalleryAsync(RucheDbContext db, IFileStore store, long spaceId, List<long> members, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var written = new List<(Guid Id, byte[] Bytes)>();
        var scene = 0;
        for (var p = 0; p < CafePosts.Length; p++)
        {
            var (text, photos) = CafePosts[p];
            var author = members[random.Next(members.Count)];
            var at = now.AddDays(-(CafePosts.Length - p) * 3).AddHours(-random.Next(2, 10));
            var post = new Post
            {
                AuthorId = author,
                SpaceId = spaceId,
                Body = text,
                BodyHtml = Markdown.RenderHtml(MarkdownContent.Parse(text), new Dictionary<string, string>(StringComparer.Ordinal)),
                CreatedAt = at,
            };
            for (var i = 0; i < photos; i++)
            {
                var shown = Scenes[scene++ % Scenes.Length];
                var bytes = DemoImages.Draw(shown);
                var stored = Stored(author, bytes, $"photo-{p + 1}-{i + 1}.png", "image/png", FilePurpose.PostImage, at, shown.Alt);
                written.Add((stored.Id, bytes));
                db.Files.Add(stored);
                post.Images.Add(new PostImage { FileId = stored.Id, Position = i });
            }

            db.Posts.Add(post);
        }

        await WriteBytesAsync(store, written, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static StoredFile Stored(long owner, byte[] bytes, string name, string contentType, FilePurpose purpose, DateTime at, string? alt) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))),
        OwnerId = owner,
        ContentType = contentType,
        Kind = contentType.StartsWith("image/", StringComparison.Ordinal) ? FileKind.Image : FileKind.Document,
        Length = bytes.Length,
        FileName = name,
        CreatedAt = at,
        Purpose = purpose,
        AltText = alt,
    };

    private static async Task WriteBytesAsync(IFileStore store, List<(Guid Id, byte[] Bytes)> files, CancellationToken cancellationToken)
    {
        foreach (var (id, bytes) in files)
        {
            using var content = new MemoryStream(bytes, writable: false);
            await store.WriteAsync(id, null, content, cancellationToken);
        }
    }

    /// <summary>A one-page PDF showing <paramref name="text"/> (ASCII-safe), valid enough for any reader.</summary>
    private static byte[] Pdf(string text)
    {
        var line = new string(text.Normalize(NormalizationForm.FormD).Where(c => c < 128 && c != '(' && c != ')' && c != '\\').ToArray());
        var stream = $"BT /F1 12 Tf 56 780 Td ({line}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
