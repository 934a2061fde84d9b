"""Articles of the bundled demo portals, with what a correct extraction yields.

Two fictional portals in the style of the seed pages: the provincial portal of
"Sông Hậu" (SharePoint-style) and the district portal of "Mỹ Thành"
(VNPT-style table layout). Each article carries its visible date line as the
portal prints it and the ``published_at`` a correct extraction must return;
bodies hold event and decree dates that are not publication dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoArticle:
    portal: str  # "province" or "district"
    id: int
    slug: str
    category: str  # category key of the portal
    title: str
    date_line: str  # as printed on the page ("" for none)
    published_at: str | None  # what extraction must return
    paragraphs: tuple[str, ...]
    author: str | None = None
    source: str | None = None
    caption: str | None = None  # in-article image caption, kept in the body
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def body(self) -> str:
        """Expected article text: paragraphs (caption after the first), blank-line separated."""
        parts = list(self.paragraphs[:1])
        if self.caption:
            parts.append(self.caption)
        parts.extend(self.paragraphs[1:])
        return "\n\n".join(parts)


P, D = "province", "district"

ARTICLES: tuple[DemoArticle, ...] = (
    DemoArticle(P, 101, "hoi-nghi-tong-ket-cong-tac-dan-van-chinh-quyen-nam-2018", "lanh-dao",
        "Hội nghị tổng kết công tác dân vận chính quyền và khen thưởng mô hình “Dân vận khéo” năm 2018",
        "Ngày 14/03/2019 08:59:47", "2019-03-14T08:59:47+07:00", (
        "(Songhau.gov.vn) – Ngày 12/3/2019, UBND tỉnh Sông Hậu đã tổ chức Hội nghị tổng kết công tác dân vận chính quyền và khen thưởng mô hình “Dân vận khéo” năm 2018. Ông Trần Văn Minh, Ủy viên Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh chủ trì Hội nghị.",
        "Năm 2018, công tác dân vận trong hệ thống chính trị có nhiều chuyển biến tích cực, đặc biệt công tác dân vận của các cơ quan Nhà nước tiếp tục đổi mới gắn với thực hiện Năm dân vận chính quyền; việc tổ chức đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với nhân dân ngày càng phát huy hiệu quả.",
        "Hiện toàn tỉnh có trên 600 mô hình điển hình “Dân vận khéo” được lựa chọn từ cơ sở đến tỉnh. Dịp này, UBND tỉnh đã tặng Bằng khen cho 9 tập thể và 12 cá nhân có thành tích xuất sắc trong phong trào thi đua.",
        ), author="N.H", caption="Ảnh: Phó Chủ tịch UBND tỉnh Trần Văn Minh tặng Bằng khen cho các tập thể có thành tích xuất sắc."),
    DemoArticle(P, 102, "bac-song-hau-trien-khai-phong-trao-dan-van-kheo", "lanh-dao",
        "Sông Hậu: Hội nghị triển khai các giải pháp thực hiện phong trào \"Dân vận khéo\"",
        "Thứ Ba, 23/7/2024", "2024-07-23", (
        "Chủ trì hội nghị có các đồng chí: Lê Thị Hoa, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy; Phan Văn Na, Phó Trưởng Ban Dân vận Tỉnh ủy.",
        "Thực hiện Đề án 06-ĐA/TU ngày 14/12/2017 của Tỉnh ủy về nâng cao hiệu quả phong trào “Dân vận khéo”, đã có hơn 2.700 mô hình được đăng ký thực hiện; hơn 1.100 mô hình được công nhận, trong đó có trên 270 mô hình tiêu biểu ở các lĩnh vực.",
        "Kết luận hội nghị, đồng chí Lê Thị Hoa nhấn mạnh: cấp ủy, các đơn vị, địa phương tiếp tục quán triệt mục tiêu, nội dung, nhiệm vụ giải pháp của Đề án 06; hằng năm xây dựng kế hoạch triển khai phù hợp với tình hình cụ thể của cấp mình.",
        ), source="baosonghau.vn"),
    DemoArticle(P, 103, "ubnd-tinh-hop-phien-thuong-ky-thang-6", "lanh-dao",
        "UBND tỉnh họp phiên thường kỳ tháng 6 năm 2019",
        "Cập nhật lúc 10:20, ngày 05/07/2019", "2019-07-05T10:20:00+07:00", (
        "Sáng ngày 28/6/2019, UBND tỉnh tổ chức phiên họp thường kỳ tháng 6 để đánh giá tình hình kinh tế - xã hội 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2019.",
        "Theo báo cáo, tổng sản phẩm trên địa bàn tỉnh 6 tháng đầu năm tăng 7,2% so với cùng kỳ; thu ngân sách nhà nước đạt 54% dự toán; các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời.",
        "Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung giải ngân vốn đầu tư công, đẩy mạnh cải cách hành chính và hoàn thành các chỉ tiêu theo Nghị quyết số 15/NQ-HĐND ngày 10/12/2018 của HĐND tỉnh.",
        ), author="Văn phòng UBND tỉnh"),
    DemoArticle(P, 104, "khai-mac-ky-hop-thu-9-hdnd-tinh", "lanh-dao",
        "Khai mạc Kỳ họp thứ 9 HĐND tỉnh khóa IX",
        "ngày 5 tháng 7 năm 2019", "2019-07-05", (
        "Kỳ họp thứ 9 HĐND tỉnh khóa IX, nhiệm kỳ 2016 - 2021 khai mạc tại Hội trường Trung tâm Hội nghị tỉnh với sự tham dự của 52 đại biểu HĐND tỉnh.",
        "Tại kỳ họp, các đại biểu xem xét, thảo luận các báo cáo về tình hình kinh tế - xã hội, quốc phòng - an ninh, công tác phòng, chống tham nhũng và giải quyết khiếu nại, tố cáo 6 tháng đầu năm 2019.",
        "Kỳ họp dự kiến diễn ra trong 3 ngày, từ ngày 5/7 đến ngày 7/7/2019, và thông qua 18 nghị quyết quan trọng.",
        ), author="Thanh Tâm"),
    DemoArticle(P, 105, "tinh-song-hau-don-bang-cong-nhan-nong-thon-moi", "kinh-te",
        "Huyện Mỹ Thành đón nhận Bằng công nhận đạt chuẩn nông thôn mới",
        "Thứ hai, 05/07/2021 - 10:20", "2021-07-05T10:20:00+07:00", (
        "Huyện Mỹ Thành long trọng tổ chức lễ đón nhận Quyết định số 1120/QĐ-TTg ngày 20/6/2021 của Thủ tướng Chính phủ công nhận huyện đạt chuẩn nông thôn mới năm 2020.",
        "Sau 10 năm triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới, diện mạo nông thôn của huyện có nhiều khởi sắc; thu nhập bình quân đầu người đạt 52 triệu đồng mỗi năm, tỷ lệ hộ nghèo giảm còn 1,8%.",
        "Phát biểu tại buổi lễ, đại diện lãnh đạo tỉnh đề nghị huyện tiếp tục duy trì, nâng cao chất lượng các tiêu chí, phấn đấu trở thành huyện nông thôn mới nâng cao trước năm 2025.",
        ), author="Minh Khang", caption="Lãnh đạo tỉnh trao Bằng công nhận huyện đạt chuẩn nông thôn mới cho huyện Mỹ Thành."),
    DemoArticle(P, 106, "thu-hut-dau-tu-vao-khu-cong-nghiep", "kinh-te",
        "Thu hút đầu tư vào các khu công nghiệp đạt nhiều kết quả tích cực",
        "05-07-2019", "2019-07-05", (
        "Từ đầu năm đến nay, các khu công nghiệp trên địa bàn tỉnh đã thu hút thêm 14 dự án đầu tư với tổng vốn đăng ký hơn 3.200 tỷ đồng, nâng tổng số dự án còn hiệu lực lên 186 dự án.",
        "Ban Quản lý các khu công nghiệp tỉnh tiếp tục rà soát quỹ đất, hoàn thiện hạ tầng kỹ thuật và rút ngắn thời gian giải quyết thủ tục cấp giấy chứng nhận đăng ký đầu tư xuống còn 10 ngày làm việc.",
        "Trong 6 tháng cuối năm, tỉnh tập trung xúc tiến đầu tư vào các lĩnh vực công nghiệp chế biến nông sản, năng lượng tái tạo và logistics.",
        )),
    DemoArticle(P, 107, "phat-trien-du-lich-cong-dong", "kinh-te",
        "Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa truyền thống",
        "(14/3/2019)", "2019-03-14", (
        "Những năm gần đây, du lịch cộng đồng ở các xã ven sông của tỉnh phát triển mạnh, thu hút hàng chục nghìn lượt khách mỗi năm và tạo việc làm cho hàng trăm lao động địa phương.",
        "Nhiều hộ dân đã mạnh dạn đầu tư cải tạo nhà ở thành điểm lưu trú, kết hợp giới thiệu nghề truyền thống như dệt chiếu, làm bánh dân gian và đờn ca tài tử.",
        "Sở Văn hóa, Thể thao và Du lịch đang xây dựng đề án hỗ trợ đào tạo kỹ năng phục vụ khách du lịch cho người dân giai đoạn 2019 - 2025.",
        ), author="Hồng Nhung"),
    DemoArticle(P, 108, "ra-soat-ho-ngheo-ho-can-ngheo-nam-2021", "xa-hoi",
        "Triển khai rà soát hộ nghèo, hộ cận nghèo năm 2021",
        "14.03.2021", "2021-03-14", (
        "UBND tỉnh vừa ban hành kế hoạch rà soát hộ nghèo, hộ cận nghèo năm 2021 theo chuẩn nghèo tiếp cận đa chiều, thời gian thực hiện từ ngày 1/9 đến ngày 15/12/2021.",
        "Việc rà soát được thực hiện công khai, dân chủ, có sự tham gia của người dân, bảo đảm xác định đúng đối tượng để thực hiện các chính sách giảm nghèo và an sinh xã hội.",
        "Sở Lao động - Thương binh và Xã hội là cơ quan thường trực, có trách nhiệm hướng dẫn nghiệp vụ, kiểm tra, giám sát và tổng hợp kết quả báo cáo UBND tỉnh.",
        ), author="P.V"),
    DemoArticle(P, 109, "tiem-chung-vaccine-phong-covid-19-cho-tre-em", "xa-hoi",
        "Tổ chức tiêm vaccine phòng Covid-19 cho trẻ em từ 5 đến dưới 12 tuổi",
        "Thứ Sáu, ngày 12 tháng 03 năm 2021", "2021-03-12", (
        "Ngành Y tế tỉnh đã chuẩn bị đầy đủ điều kiện để triển khai tiêm vaccine phòng Covid-19 cho trẻ em từ 5 đến dưới 12 tuổi tại 120 điểm tiêm trên địa bàn.",
        "Trước khi tiêm, trẻ được khám sàng lọc và theo dõi sau tiêm ít nhất 30 phút tại điểm tiêm; cha mẹ tiếp tục theo dõi sức khỏe của trẻ tại nhà trong 7 ngày.",
        "Sở Y tế khuyến cáo phụ huynh đưa trẻ đi tiêm đúng lịch, mang theo giấy tờ tùy thân và tuân thủ các quy định phòng, chống dịch tại điểm tiêm.",
        ), author="BS. Nguyễn Hải"),
    DemoArticle(P, 110, "ky-niem-ngay-nha-giao-viet-nam", "xa-hoi",
        "Kỷ niệm 40 năm Ngày Nhà giáo Việt Nam",
        "Đăng ngày: 18/11/2022", "2022-11-18", (
        "Ngành Giáo dục và Đào tạo tỉnh tổ chức lễ kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022 và tuyên dương nhà giáo tiêu biểu.",
        "Toàn tỉnh hiện có 486 trường học với hơn 18.000 cán bộ, giáo viên; tỷ lệ trường đạt chuẩn quốc gia đạt 72%, chất lượng giáo dục toàn diện từng bước được nâng lên.",
        "Dịp này, 40 nhà giáo tiêu biểu được tặng Bằng khen của Chủ tịch UBND tỉnh vì có nhiều đóng góp cho sự nghiệp giáo dục của địa phương.",
        ), author="Thu Hà"),
    DemoArticle(P, 111, "hoi-thao-chuyen-doi-so-trong-co-quan-nha-nuoc", "lanh-dao",
        "Hội thảo chuyển đổi số trong cơ quan nhà nước",
        "21/07/2022 | 10:00 AM", "2022-07-21T10:00:00+07:00", (
        "Sở Thông tin và Truyền thông phối hợp với các doanh nghiệp viễn thông tổ chức hội thảo chuyển đổi số trong cơ quan nhà nước với sự tham gia của hơn 200 đại biểu.",
        "Các tham luận tập trung vào nền tảng dữ liệu dùng chung, dịch vụ công trực tuyến toàn trình và bảo đảm an toàn thông tin theo Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ.",
        "Kết thúc hội thảo, các đơn vị thống nhất lộ trình đưa 100% hồ sơ công việc cấp tỉnh lên môi trường mạng trong năm 2023.",
        )),
    DemoArticle(P, 112, "dien-dan-doanh-nghiep-2023", "kinh-te",
        "Diễn đàn doanh nghiệp tỉnh Sông Hậu năm 2023",
        "Thứ năm, 2/11/2023, 19:20 (GMT+7)", "2023-11-02T19:20:00+07:00", (
        "Diễn đàn thu hút gần 300 doanh nghiệp, hiệp hội ngành hàng và nhà đầu tư trong và ngoài nước đến trao đổi về cơ hội hợp tác, đầu tư tại tỉnh.",
        "Lãnh đạo tỉnh cam kết tiếp tục cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh và đồng hành cùng doanh nghiệp tháo gỡ khó khăn.",
        "Các doanh nghiệp kiến nghị đơn giản hóa thủ tục đất đai, xây dựng và mở rộng các chương trình hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ và vừa.",
        ), author="Quốc Bảo", flags=frozenset({"sitemap_only"})),
    DemoArticle(P, 113, "lay-y-kien-du-thao-nghi-quyet-ve-chinh-sach-ho-tro", "xa-hoi",
        "Lấy ý kiến dự thảo Nghị quyết về chính sách hỗ trợ người lao động",
        "05/07/2019 02:15 CH", "2019-07-05T14:15:00+07:00", (
        "Sở Lao động - Thương binh và Xã hội đăng tải dự thảo Nghị quyết của HĐND tỉnh quy định chính sách hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng.",
        "Theo dự thảo, người lao động thuộc hộ nghèo, hộ cận nghèo và người dân tộc thiểu số được hỗ trợ chi phí học nghề, ngoại ngữ và vay vốn ưu đãi.",
        "Ý kiến góp ý gửi về Sở trước ngày 20/7/2019 để tổng hợp, hoàn thiện dự thảo trình HĐND tỉnh tại kỳ họp cuối năm.",
        ), flags=frozenset({"two_urls"})),
    DemoArticle(D, 201, "hoi-nghi-so-ket-cong-tac-dan-van-6-thang-dau-nam-2019", "tin-hoat-dong",
        "HỘI NGHỊ SƠ KẾT CÔNG TÁC DÂN VẬN VÀ CÁC BAN CHỈ ĐẠO 6 THÁNG ĐẦU NĂM 2019",
        "", None, (
        "Chiều ngày 05/7/2019, Ban Dân vận Huyện ủy tổ chức Hội nghị sơ kết công tác dân vận và các Ban Chỉ đạo 6 tháng đầu năm; triển khai phương hướng, nhiệm vụ 6 tháng cuối năm 2019.",
        "Đến dự và chỉ đạo Hội nghị có đồng chí Vũ Đình Minh, Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện; các đồng chí thành viên Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở.",
        "6 tháng đầu năm, công tác dân vận trong hệ thống chính trị có nhiều chuyển biến tích cực; việc tổ chức đối thoại giữa người đứng đầu cấp ủy với Nhân dân đã đi vào nền nếp.",
        ), author="Ban Dân vận Huyện ủy", caption="Đ/c Hoàng Thế Hòe, Trưởng Ban Dân vận Huyện ủy chủ trì Hội nghị",
        flags=frozenset({"no_date"})),
    DemoArticle(D, 202, "hieu-qua-tu-cong-tac-dan-van-chinh-quyen", "tin-hoat-dong",
        "Hiệu quả từ công tác dân vận chính quyền trên địa bàn huyện Mỹ Thành",
        "02/11/2021 23:58     |  Lượt xem 1631", "2021-11-02T23:58:00+07:00", (
        "Thời gian qua, công tác dân vận chính quyền đã được các cơ quan nhà nước, chính quyền các cấp trên địa bàn huyện tập trung thực hiện theo hướng công khai, minh bạch, dân chủ, thân thiện và gần dân.",
        "UBND huyện đã cụ thể hóa các văn bản của Trung ương, Tỉnh ủy, Huyện ủy gắn với thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận trong cơ quan nhà nước các cấp.",
        "Thời gian tới, huyện tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” đi vào chiều sâu, thực chất và hiệu quả gắn với các cuộc vận động ở từng địa phương, đơn vị.",
        ), author="CTV Duy Hải – BTGHU Mỹ Thành"),
    DemoArticle(D, 203, "doi-moi-cong-tac-dan-van-trong-tinh-hinh-moi", "tin-hoat-dong",
        "Đổi mới công tác Dân vận trong tình hình mới góp phần xây dựng Đảng, xây dựng chính quyền vững mạnh",
        "Ngày 18/02/2022 15:30:00", "2022-02-18T15:30:00+07:00", (
        "Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban chấp hành Trung ương về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận, công tác dân vận trên địa bàn huyện được tiếp tục tăng cường.",
        "Ban Thường vụ Huyện ủy đã quán triệt nghiêm túc Quyết định số 23-QĐ/TW, ngày 30/7/2021 của Bộ Chính trị về ban hành Quy chế công tác dân vận của hệ thống chính trị.",
        "Huyện tổ chức hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và đại diện nhân dân.",
        ), flags=frozenset({"broken_markup"})),
    DemoArticle(D, 204, "xa-my-hung-ra-quan-ve-sinh-moi-truong", "tin-hoat-dong",
        "Xã Mỹ Hưng ra quân tổng vệ sinh môi trường",
        "Thứ Bảy, 15/6/2019", "2019-06-15", (
        "Hưởng ứng Tháng hành động vì môi trường, sáng nay hơn 500 cán bộ, đoàn viên, hội viên và nhân dân xã Mỹ Hưng đồng loạt ra quân tổng vệ sinh môi trường.",
        "Các lực lượng đã phát quang bụi rậm, khơi thông cống rãnh, thu gom rác thải trên các tuyến đường liên thôn, khu vực chợ và nghĩa trang liệt sỹ của xã.",
        "Dịp này, xã phát động phong trào “Ngày Chủ nhật xanh” được tổ chức vào ngày chủ nhật cuối cùng của mỗi tháng.",
        ), author="Ngọc Lan", flags=frozenset({"windows-1258"})),
    DemoArticle(D, 205, "huyen-my-thanh-tiep-cong-dan-dinh-ky", "tin-hoat-dong",
        "Chủ tịch UBND huyện tiếp công dân định kỳ tháng 8",
        "Cập nhật: 16/08/2023 09:15", "2023-08-16T09:15:00+07:00", (
        "Chủ tịch UBND huyện đã chủ trì buổi tiếp công dân định kỳ tháng 8 tại Trụ sở tiếp công dân huyện, tiếp 12 lượt công dân đến phản ánh, kiến nghị.",
        "Các kiến nghị tập trung vào lĩnh vực đất đai, bồi thường giải phóng mặt bằng và chế độ chính sách; nhiều trường hợp được giải đáp, hướng dẫn ngay tại buổi tiếp.",
        "Chủ tịch UBND huyện giao các phòng chuyên môn khẩn trương xác minh, giải quyết dứt điểm các vụ việc trước ngày 15/9/2023.",
        ), author="Văn phòng HĐND và UBND huyện", flags=frozenset({"wrong_charset"})),
    DemoArticle(D, 206, "khanh-thanh-truong-mam-non-my-loc", "giao-duc",
        "Khánh thành Trường Mầm non xã Mỹ Lộc",
        "Thứ Tư, 04/09/2019", "2019-09-04", (
        "UBND huyện tổ chức lễ khánh thành Trường Mầm non xã Mỹ Lộc với tổng mức đầu tư 12 tỷ đồng từ nguồn ngân sách tỉnh và huyện.",
        "Công trình gồm 8 phòng học, phòng chức năng, bếp ăn một chiều và sân chơi ngoài trời, đáp ứng nhu cầu học tập của hơn 300 trẻ.",
        "Việc đưa trường vào sử dụng góp phần hoàn thành tiêu chí trường học trong Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao.",
        ), author="T.L", caption="Các đại biểu cắt băng khánh thành Trường Mầm non xã Mỹ Lộc."),
    DemoArticle(D, 207, "tong-ket-nam-hoc-2018-2019", "giao-duc",
        "Ngành Giáo dục huyện tổng kết năm học 2018 - 2019",
        "Ngày 28/6/2019", "2019-06-28", (
        "Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết năm học 2018 - 2019 và triển khai nhiệm vụ năm học 2019 - 2020.",
        "Năm học qua, toàn huyện có 98,6% học sinh tiểu học hoàn thành chương trình; 100% học sinh lớp 9 được xét công nhận tốt nghiệp trung học cơ sở.",
        "Năm học mới, ngành tập trung đổi mới phương pháp dạy học, chuẩn bị các điều kiện triển khai chương trình giáo dục phổ thông mới.",
        )),
    DemoArticle(D, 208, "phong-chong-dich-ta-lon-chau-phi", "nong-nghiep",
        "Tăng cường các biện pháp phòng, chống bệnh Dịch tả lợn châu Phi",
        "10/05/2019 14:05", "2019-05-10T14:05:00+07:00", (
        "Trước diễn biến phức tạp của bệnh Dịch tả lợn châu Phi, UBND huyện yêu cầu các xã, thị trấn thành lập tổ kiểm soát, kiểm tra việc vận chuyển, buôn bán lợn trên địa bàn.",
        "Các hộ chăn nuôi thực hiện vệ sinh, tiêu độc khử trùng chuồng trại bằng vôi bột hoặc hóa chất; khi phát hiện lợn ốm, chết phải báo ngay cho chính quyền địa phương.",
        "Trạm Chăn nuôi và Thú y huyện cử cán bộ trực 24/24 giờ để hướng dẫn người dân xử lý ổ dịch theo đúng quy định.",
        ), author="Phòng Nông nghiệp và PTNT", flags=frozenset({"deep_page"})),
    DemoArticle(D, 209, "ho-tro-nong-dan-chuyen-doi-cay-trong", "nong-nghiep",
        "Hỗ trợ nông dân chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả",
        "Thứ Hai, 12/04/2021 08:30", "2021-04-12T08:30:00+07:00", (
        "Năm 2021, huyện hỗ trợ nông dân chuyển đổi 150 ha đất trồng lúa kém hiệu quả sang trồng rau màu và cây ăn quả theo hướng sản xuất hàng hóa.",
        "Mức hỗ trợ giống, vật tư là 5 triệu đồng mỗi ha; các hợp tác xã được hỗ trợ liên kết tiêu thụ sản phẩm với doanh nghiệp.",
        "Qua đánh giá, giá trị sản xuất trên diện tích chuyển đổi tăng gấp 2 đến 3 lần so với trồng lúa.",
        ), author="Hữu Phước"),
    DemoArticle(D, 210, "dai-hoi-the-duc-the-thao-huyen-lan-thu-ix", "tin-hoat-dong",
        "Khai mạc Đại hội Thể dục thể thao huyện Mỹ Thành lần thứ IX",
        "Thứ Sáu, 16/09/2022 | 07:45", "2022-09-16T07:45:00+07:00", (
        "Đại hội Thể dục thể thao huyện lần thứ IX năm 2022 thu hút gần 800 vận động viên của 15 xã, thị trấn và các cơ quan, đơn vị tham gia tranh tài.",
        "Các vận động viên thi đấu ở 9 môn: bóng đá, bóng chuyền, cầu lông, bóng bàn, việt dã, kéo co, cờ tướng, võ cổ truyền và đẩy gậy.",
        "Đại hội là dịp đánh giá kết quả phong trào Toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại, chuẩn bị lực lượng tham gia Đại hội Thể dục thể thao tỉnh.",
        ), author="Đức Anh", flags=frozenset({"feed_only"})),
    DemoArticle(D, 211, "tuyen-truyen-phong-chong-thien-tai", "nong-nghiep",
        "Chủ động phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão",
        "05/06/2020 - 16:40", "2020-06-05T16:40:00+07:00", (
        "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn huyện yêu cầu các xã rà soát phương án ứng phó, chuẩn bị đầy đủ lực lượng, phương tiện theo phương châm bốn tại chỗ.",
        "Các khu dân cư ven sông, vùng trũng thấp được kiểm tra, lên kế hoạch di dời khi có bão mạnh; đê bao, cống đập được gia cố trước mùa mưa.",
        "Huyện duy trì chế độ trực ban nghiêm túc, kịp thời báo cáo diễn biến thời tiết và thiệt hại về Ban Chỉ huy tỉnh.",
        ), author="Đình Trọng"),
)


def articles_of(portal: str) -> list[DemoArticle]:
    return [a for a in ARTICLES if a.portal == portal]
