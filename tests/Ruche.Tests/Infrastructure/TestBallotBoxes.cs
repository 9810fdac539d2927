using Microsoft.Extensions.Logging.Abstractions;
using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.Polls;
using Ruche.Core.Sealing;
using Ruche.Core.Surveys;

namespace Ruche.Tests.Infrastructure;

/// <summary>The ballot box with every counter Ruche registers, for tests that seed a database outside the app (the demo company).</summary>
public static class TestBallotBoxes
{
    public static BallotBox For(RucheDbContext db, IDatabaseProvider provider, Sealer sealer) =>
        new(db, provider, sealer, [new PollCounter(), new SurveyBallotCounter(sealer)], NullLogger<BallotBox>.Instance);
}
