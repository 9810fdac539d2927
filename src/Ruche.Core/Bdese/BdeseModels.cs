namespace Ruche.Core.Bdese;

/// <summary>The themes × years grid: how many items each cell holds, and how many of them are confidential today.</summary>
public sealed record BdeseOverview(IReadOnlyList<int> Years, IReadOnlyList<BdeseThemeRow> Themes, bool CanWrite);

public sealed record BdeseThemeRow(string Theme, IReadOnlyList<BdeseCell> Cells);

public sealed record BdeseCell(int Year, int Items, int Confidential);

/// <summary>The items of one theme and year.</summary>
public sealed record BdeseShelf(string Theme, int Year, IReadOnlyList<BdeseItemLine> Items, bool CanWrite);

public sealed record BdeseItemLine(long Id, string Theme, int Year, BdeseItemKind Kind, string Title, bool Confidential, int VersionCount, DateTime UpdatedAt);

/// <summary>
/// One version of an item as a reader sees it. <see cref="Watermark"/> is set when it is confidential today: the page
/// shows the reader's name and the day across it, and the PDF carries them on every page.
/// </summary>
public sealed record BdeseItemView(
    BdeseItemLine Item,
    int VersionNumber,
    string VersionTitle,
    BdeseTable? Table,
    string? DocumentName,
    BdeseConfidentiality? Confidentiality,
    BdeseWatermark? Watermark,
    IReadOnlyList<BdeseVersionLine> Versions,
    bool CanWrite);

public sealed record BdeseConfidentiality(string Reason, DateOnly Until);

public sealed record BdeseWatermark(string ReaderName, DateOnly Day);

public sealed record BdeseVersionLine(int Number, string Title, string SavedBy, DateTime SavedAt, bool Confidential);

/// <summary>One line of the read log: who read which item (and version), when, and how.</summary>
public sealed record BdeseLogLine(long Id, DateTime At, long ItemId, string ItemTitle, string Theme, int Year, int Version, string Reader, BdeseReadWay Way);

public sealed record BdeseDownload(string FileName, byte[] Content);

/// <summary>What a save sends: the header and, for a table, the table (a document comes as bytes beside it).</summary>
public sealed record BdeseDraft(string? Theme, int? Year, string? Title, string? ConfidentialReason, DateOnly? ConfidentialUntil);
