namespace Ruche.Core.Wiki;

/// <summary>
/// An editing session as its feed entry tells it: one person's consecutive saves of a page (ADR 25), from the revision
/// the session started from to the latest, with the lines the session changed and the summaries they gave.
/// </summary>
public sealed record WikiSessionSummary(string PageTitle, string Path, int FromNumber, int ToNumber, int LinesAdded, int LinesRemoved, IReadOnlyList<string> Summaries)
{
    public bool Created => FromNumber == 0;
}

/// <summary>Writes a session's feed entry as Markdown in the company's language (the host's, like the weekly recap).</summary>
public interface IWikiFeedWriter
{
    string Write(WikiSessionSummary session);
}
