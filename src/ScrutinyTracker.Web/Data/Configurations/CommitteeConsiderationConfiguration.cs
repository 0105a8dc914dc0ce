using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class CommitteeConsiderationConfiguration : IEntityTypeConfiguration<CommitteeConsideration>
{
    public void Configure(EntityTypeBuilder<CommitteeConsideration> builder)
    {
        builder.HasKey(c => c.RoundId);
        builder.Property(c => c.MinuteReference).HasMaxLength(CommitteeConsideration.MinuteReferenceMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasOne(c => c.Round).WithOne(r => r.Consideration)
            .HasForeignKey<CommitteeConsideration>(c => c.RoundId)
            .OnDelete(DeleteBehavior.Cascade);
        // A committee that considered a round is never deleted from under it.
        builder.HasOne(c => c.SelectCommittee).WithMany().HasForeignKey(c => c.SelectCommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.RecordedBy).WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommitteeDecisionConfiguration : IEntityTypeConfiguration<CommitteeDecision>
{
    public void Configure(EntityTypeBuilder<CommitteeDecision> builder)
    {
        builder.HasKey(d => d.ProgressUpdateId);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Reason).HasMaxLength(CommitteeDecision.ReasonMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.Outcome);
        builder.ToTable(t => t.HasCheckConstraint("CK_CommitteeDecisions_Grade", "Grade IS NULL OR Grade BETWEEN 1 AND 4"));

        // The only cascade path: round → update → decision (the consideration is reached through the round).
        builder.HasOne(d => d.ProgressUpdate).WithOne(u => u.CommitteeDecision)
            .HasForeignKey<CommitteeDecision>(d => d.ProgressUpdateId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
