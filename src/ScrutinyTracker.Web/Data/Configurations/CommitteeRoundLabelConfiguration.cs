using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

/// <summary>One row per committee and round label, found by its committee (decision 0018).</summary>
public sealed class CommitteeRoundLabelConfiguration : IEntityTypeConfiguration<CommitteeRoundLabel>
{
    public void Configure(EntityTypeBuilder<CommitteeRoundLabel> builder)
    {
        builder.HasKey(l => new { l.SelectCommitteeId, l.Label });
        builder.Property(l => l.Label).HasMaxLength(Round.LabelMaxLength);
        builder.HasOne<SelectCommittee>().WithMany()
            .HasForeignKey(l => l.SelectCommitteeId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
