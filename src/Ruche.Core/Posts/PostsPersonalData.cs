using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Posts;

/// <summary>A person's posts (with their earlier versions), comments and reactions, for their export.</summary>
public sealed class PostsPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        sections.Add("posts", await db.Posts.AsNoTracking().Where(p => p.AuthorId == personId).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.SpaceId, p.Body, p.CreatedAt, p.EditedAt, p.SharedPostId,
                tags = p.Tags.Select(t => t.Tag), images = p.Images.OrderBy(i => i.Position).Select(i => i.FileId),
                earlierVersions = p.Revisions.OrderBy(r => r.Id).Select(r => new { r.Body, r.WrittenAt, r.ReplacedAt }),
            }).ToListAsync(cancellationToken));
        sections.Add("comments", await db.Comments.AsNoTracking().Where(c => c.AuthorId == personId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.PostId, c.ParentCommentId, c.Body, c.CreatedAt }).ToListAsync(cancellationToken));
        sections.Add("reactions", await db.Reactions.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.PostId, kind = r.Kind.ToString(), r.CreatedAt }).ToListAsync(cancellationToken));
    }
}
