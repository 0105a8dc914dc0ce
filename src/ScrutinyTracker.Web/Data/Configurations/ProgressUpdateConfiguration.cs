using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> builder)
    {
        builder.Property(u => u.Evidence).HasMaxLength(ProgressUpdate.EvidenceMaxLength);
        builder.Property(u => u.Explanation).HasMaxLength(ProgressUpdate.ExplanationMaxLength);
        builder.Property(u => u.ReturnComment).HasMaxLength(ProgressUpdate.ReturnCommentMaxLength);
        builder.Property(u => u.DelayReason).HasMaxLength(ProgressUpdate.DelayReasonMaxLength);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Version).IsConcurrencyToken();

        builder.HasIndex(u => new { u.PlanActionId, u.RoundId }).IsUnique();
        builder.HasIndex(u => new { u.RoundId, u.Status });
        builder.ToTable(t => t.HasCheckConstraint("CK_ProgressUpdates_Grade", "Grade IS NULL OR Grade BETWEEN 1 AND 4"));

        // Users are deactivated, never deleted; no cascade from users.
        builder.HasOne(u => u.UpdatedBy).WithMany().HasForeignKey(u => u.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.SubmittedBy).WithMany().HasForeignKey(u => u.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.ReviewedBy).WithMany().HasForeignKey(u => u.ReviewedById).OnDelete(DeleteBehavior.Restrict);
    }
}
