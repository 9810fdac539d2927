using Ruche.Core.Data;
using Ruche.Core.Influence;

// Sources pretending to belong to the social dialogue and to the reporting channel: the loader must refuse them by
// where they come from, before reading anything (ADR 24).
namespace Ruche.Core.Dialogue.Rogue
{
    internal sealed class UnionSource : IInteractionSource
    {
        public string Name => "union-rogue";

        public Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A union source was read.");
    }
}

namespace Ruche.Core.Reporting.Rogue
{
    internal sealed class ReportingSource : IInteractionSource
    {
        public string Name => "reporting-rogue";

        public Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A reporting source was read.");
    }
}
