import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Promotion } from "@shared/promotion";
import { apiGet } from "./http";

export const promotionQueries = {
  all: () => ["promotions"] as const,
  list: () => queryOptions({ queryKey: promotionQueries.all(), queryFn: () => apiGet<Promotion[]>("/promotions") }),
};

export const usePromotions = () => useQuery(promotionQueries.list());
