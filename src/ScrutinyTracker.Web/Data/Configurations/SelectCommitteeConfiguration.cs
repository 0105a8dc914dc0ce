using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class SelectCommitteeConfiguration : IEntityTypeConfiguration<SelectCommittee>
{
    public void Configure(EntityTypeBuilder<SelectCommittee> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(SelectCommittee.NameMaxLength);
        builder.Property(c => c.NormalizedName).HasMaxLength(SelectCommittee.NameMaxLength);
        builder.HasIndex(c => c.NormalizedName).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("CK_SelectCommittees_Intervals", "FirstUpdateMonths IN (3, 6, 12) AND FollowUpMonths IN (3, 6, 12)"));
    }
}
