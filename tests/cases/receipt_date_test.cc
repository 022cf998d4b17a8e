#include "services/cases/receipt_date.h"

#include <optional>

#include "gtest/gtest.h"

namespace ogi {
namespace {

struct ReceiptCase {
  v1::Channel channel;
  std::optional<absl::CivilDay> confirmation;
  std::optional<absl::CivilDay> expected;
};

// Regs Art. 31: in person → the day handed in; signed post → the day the agency
// signs; ordinary mail → the day the office confirms with the applicant;
// online, fax, email → the day both sides confirm.
TEST(ReceiptDateTest, FollowsArticle31ForEveryChannel) {
  const absl::CivilDay arrival(2022, 3, 1);
  const absl::CivilDay confirmed(2022, 3, 3);
  const ReceiptCase cases[] = {
      {v1::CHANNEL_IN_PERSON, std::nullopt, arrival},
      {v1::CHANNEL_SIGNED_POST, std::nullopt, arrival},
      {v1::CHANNEL_ORDINARY_MAIL, confirmed, confirmed},
      {v1::CHANNEL_ORDINARY_MAIL, std::nullopt, std::nullopt},
      {v1::CHANNEL_ONLINE, confirmed, confirmed},
      {v1::CHANNEL_ONLINE, std::nullopt, std::nullopt},
      {v1::CHANNEL_FAX, confirmed, confirmed},
      {v1::CHANNEL_EMAIL, confirmed, confirmed},
      {v1::CHANNEL_EMAIL, std::nullopt, std::nullopt},
  };
  for (const ReceiptCase& c : cases) {
    EXPECT_EQ(DeriveReceiptDate(c.channel, arrival, c.confirmation), c.expected)
        << v1::Channel_Name(c.channel);
  }
}

TEST(ReceiptDateTest, ConfirmationChannels) {
  EXPECT_FALSE(ChannelNeedsConfirmation(v1::CHANNEL_IN_PERSON));
  EXPECT_FALSE(ChannelNeedsConfirmation(v1::CHANNEL_SIGNED_POST));
  EXPECT_TRUE(ChannelNeedsConfirmation(v1::CHANNEL_ORDINARY_MAIL));
  EXPECT_TRUE(ChannelNeedsConfirmation(v1::CHANNEL_ONLINE));
  EXPECT_TRUE(ChannelNeedsConfirmation(v1::CHANNEL_FAX));
  EXPECT_TRUE(ChannelNeedsConfirmation(v1::CHANNEL_EMAIL));
}

}  // namespace
}  // namespace ogi
